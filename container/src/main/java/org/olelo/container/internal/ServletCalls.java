package org.olelo.container.internal;

import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import org.olelo.container.internal.deploy.DeployedApp;
import org.olelo.container.internal.factory.SipSessionsUtilImpl;
import org.olelo.container.internal.message.SipServletRequestImpl;
import org.olelo.container.internal.message.SipServletResponseImpl;
import org.olelo.container.internal.proxy.ProxyRole;
import org.olelo.container.internal.proxy.ResponseDelivery;
import org.olelo.container.internal.session.SipApplicationSessionImpl;
import org.olelo.container.internal.session.SipSessionImpl;
import org.olelo.container.internal.ua.ServletInvoker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs application servlets for the container: one call with its application session current and
 * the application's class loader, what the servlet throws logged and returned; the user-agent
 * layer's way to the handler servlet of a session ({@link ServletInvoker}); and the delivery of
 * proxy responses to the servlet.
 *
 * <p>Runs on the application session's executor (a virtual thread); blocks on whatever the servlet
 * blocks on, nothing else.
 */
final class ServletCalls implements ServletInvoker {

    private static final Logger LOG = LoggerFactory.getLogger(ServletCalls.class);
    /** The servlet running on the current thread, for the default handler of sessions it creates. */
    private static final ThreadLocal<String> CURRENT_SERVLET = new ThreadLocal<>();

    /** Runs a servlet; returns what it threw, or null. */
    static Throwable invoke(DeployedApp app, SipApplicationSessionImpl as, Servlet servlet, ServletRequest req,
                            ServletResponse resp) {
        SipSessionsUtilImpl.enter(as);
        as.access();
        String outer = CURRENT_SERVLET.get();
        CURRENT_SERVLET.set(servlet.getServletConfig() == null ? null : servlet.getServletConfig().getServletName());
        try {
            return app.callInContext(() -> {
                servlet.service(req, resp);
                return null;
            });
        } catch (ServletException | IOException | RuntimeException | Error e) {
            LOG.warn("{}: servlet {} failed on {} (call-id {}): {}", app.name(), servlet.getClass().getName(),
                    req != null ? ((jakarta.servlet.sip.SipServletRequest) req).getMethod() : "a response",
                    ((jakarta.servlet.sip.SipServletMessage) (req != null ? req : resp)).getCallId(), e.toString(), e);
            return e;
        } catch (Exception e) {
            return e;
        } finally {
            CURRENT_SERVLET.set(outer);
            SipSessionsUtilImpl.leave();
            as.invocationEnded();
        }
    }

    /** Hands proxy responses to the session's servlet, on the session's version (none once it is destroyed). */
    static ResponseDelivery delivery(SipApplicationSessionImpl as, SipSessionImpl s, ProxyRole role) {
        return resp -> {
            role.setSupervised(resp.getProxy() == null || resp.getProxy().getSupervised());
            DeployedAppContext version = DeployedAppContext.of(as);
            Servlet servlet = version == null ? null : version.app().servlet(s.handler());
            if (servlet != null) {
                invoke(version.app(), as, servlet, null, resp);
            }
        };
    }

    private static DeployedApp app(SipSessionImpl s) {
        DeployedAppContext ctx = DeployedAppContext.of(s.parent());
        return ctx == null ? null : ctx.app();
    }

    /** The session's handler servlet, else the application's main (or first) servlet, which becomes its handler. */
    private static Servlet handler(DeployedApp app, SipSessionImpl s) {
        Servlet servlet = app.servlet(s.handler());
        if (servlet == null && !app.servlets().isEmpty()) {
            String main = app.descriptor().mainServlet();
            servlet = main != null && app.servlet(main) != null ? app.servlet(main) : app.servlets().values().iterator().next();
            if (servlet.getServletConfig() != null) {
                s.setHandlerInternal(servlet.getServletConfig().getServletName());
            }
        }
        return servlet;
    }

    @Override
    public void request(SipSessionImpl s, SipServletRequestImpl r) {
        DeployedApp app = app(s);
        Servlet servlet = app == null ? null : handler(app, s);
        if (servlet == null) {
            if (r.transaction() != null) {
                LOG.debug("{} is no longer deployed (call-id {})", s.parent().getApplicationName(), r.getCallId());
                SipContainer.respond(r.transaction(), 500, "Server Internal Error");
            }
            return;
        }
        s.access();
        Throwable failure = invoke(app, s.parent(), servlet, r, null);
        if (failure != null && r.transaction() != null && !r.finalResponseSent()) {
            SipContainer.respond(r.transaction(), 500, "Server Internal Error");
        }
    }

    @Override
    public void response(SipSessionImpl s, SipServletResponseImpl r) {
        DeployedApp app = app(s);
        Servlet servlet = app == null ? null : handler(app, s);
        if (servlet != null) {
            s.access();
            invoke(app, s.parent(), servlet, null, r);
        }
    }

    @Override
    public String currentServlet() {
        return CURRENT_SERVLET.get();
    }
}
