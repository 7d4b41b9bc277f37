package org.olelo.container.internal.pojo;

import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.sip.SipServlet;
import jakarta.servlet.sip.SipServletMessage;
import jakarta.servlet.sip.SipServletRequest;
import jakarta.servlet.sip.SipServletResponse;

import java.io.IOException;
import java.util.Objects;

/**
 * A SIP servlet POJO seen as a servlet: {@link #service} hands each message to the POJO method
 * that {@link PojoHandlers} selects. A message no method accepts gets what a {@code SipServlet}
 * that overrides nothing would do: an initial request other than ACK and CANCEL is answered 500,
 * anything else is ignored.
 *
 * <p>The POJO instance is created by the application's CDI container (injected and
 * {@code @PostConstruct}-ed, destroyed with the application); this wrapper has no state of its
 * own beyond the servlet configuration. Threads: {@code init} and {@code destroy} run on the
 * deployer thread; {@code service} on the application session's executor, blocking as long as the
 * POJO method does.
 */
public final class PojoServlet extends SipServlet {

    private static final long serialVersionUID = 1L;

    private final transient Object target;
    private final transient PojoHandlers handlers;

    /**
     * @param target   the POJO instance
     * @param handlers the message-handling methods of its class
     */
    public PojoServlet(Object target, PojoHandlers handlers) {
        this.target = Objects.requireNonNull(target, "target");
        this.handlers = Objects.requireNonNull(handlers, "handlers");
    }

    /** @return the POJO instance */
    public Object target() {
        return target;
    }

    /**
     * The class that carries a servlet's own annotations ({@code @SipSecurity}, …): the POJO's
     * class for a POJO servlet, else the servlet's class.
     *
     * @param servlet a servlet
     * @return the class to read annotations from
     */
    public static Class<?> annotatedClass(Servlet servlet) {
        return servlet instanceof PojoServlet p ? p.target.getClass() : servlet.getClass();
    }

    @Override
    public void service(ServletRequest req, ServletResponse resp) throws ServletException, IOException {
        SipServletMessage message = req != null ? (SipServletRequest) req : (SipServletResponse) resp;
        PojoHandler h = handlers.select(message);
        if (h == null) {
            super.service(req, resp);
            return;
        }
        h.invoke(target, message);
    }

    @Override
    public String getServletInfo() {
        return "SIP servlet POJO " + target.getClass().getName();
    }

    @Override
    public String toString() {
        return "PojoServlet[" + target.getClass().getName() + "]";
    }
}
