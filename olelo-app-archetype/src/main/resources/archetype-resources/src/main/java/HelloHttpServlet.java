package ${package};

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The application's HTTP side: {@code GET /${artifactId}/hello} on Olelo's HTTP listener, once the
 * server serves converged applications' HTTP servlets.
 */
@WebServlet("/hello")
public class HelloHttpServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("text/plain;charset=utf-8");
        resp.getWriter().print("Hello from ${artifactId}");
    }
}
