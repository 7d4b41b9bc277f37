package ${package};

import jakarta.servlet.ServletException;
import jakarta.servlet.sip.SipServletRequest;
import jakarta.servlet.sip.SipServletResponse;
import jakarta.servlet.sip.SipURI;
import jakarta.servlet.sip.annotation.SipServlet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The application's SIP servlet, found by its annotation (no sip.xml needed). Olelo calls it on a
 * SIP worker thread, one message of a session at a time; it must not block for long there.
 *
 * <ul>
 * <li>MESSAGE: answered {@code 200} with a greeting for the sender;</li>
 * <li>INVITE: rung ({@code 180}) and answered ({@code 200} with an SDP answer); BYE ends it.</li>
 * </ul>
 */
@SipServlet(name = "hello")
public class HelloServlet extends jakarta.servlet.sip.SipServlet {

    private static final long serialVersionUID = 1L;

    static final String SDP = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=${artifactId}\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            + "m=audio 49170 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";

    @Override
    protected void doMessage(SipServletRequest req) throws ServletException, IOException {
        String user = req.getFrom().getURI() instanceof SipURI u ? u.getUser() : "stranger";
        SipServletResponse ok = req.createResponse(200);
        ok.setContent(("Hello, " + user + "!").getBytes(StandardCharsets.UTF_8), "text/plain;charset=utf-8");
        ok.send();
    }

    @Override
    protected void doInvite(SipServletRequest req) throws ServletException, IOException {
        req.createResponse(180).send();
        SipServletResponse ok = req.createResponse(200);
        ok.setContent(SDP.getBytes(StandardCharsets.US_ASCII), "application/sdp");
        ok.send();
    }

    @Override
    protected void doBye(SipServletRequest req) throws ServletException, IOException {
        req.createResponse(200).send();
    }
}
