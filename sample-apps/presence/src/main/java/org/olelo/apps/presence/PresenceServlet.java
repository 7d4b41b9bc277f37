package org.olelo.apps.presence;

import jakarta.servlet.ServletException;
import jakarta.servlet.sip.Address;
import jakarta.servlet.sip.SipServlet;
import jakarta.servlet.sip.SipServletRequest;
import jakarta.servlet.sip.SipServletResponse;
import jakarta.servlet.sip.SipURI;
import jakarta.servlet.sip.URI;
import org.olelo.apps.presence.service.Accepted;
import org.olelo.apps.presence.service.Identities;
import org.olelo.apps.presence.service.PresenceService;
import org.olelo.apps.presence.service.PublishRequest;
import org.olelo.apps.presence.service.Rejection;
import org.olelo.apps.presence.service.SubscribeRequest;

import java.io.IOException;
import java.util.Map;

/**
 * The {@code presence} servlet: PUBLISH and SUBSCRIBE for the presentity named by the
 * Request-URI, and the answers to its NOTIFYs. A thin adapter: it reads the request,
 * {@link PresenceService} decides (and stores before this answers), this sends the answer, then
 * the NOTIFY that must follow a SUBSCRIBE's 2xx. When the deployment's security constraint is on,
 * the container has authenticated the request and {@code getRemoteUser()} names the user: a user
 * publishes only for themself, and watches as themself.
 *
 * <p>Runs on the container's application executor (a virtual thread), one request at a time per
 * application session; blocks on the database.
 */
public class PresenceServlet extends SipServlet {

    private static final long serialVersionUID = 1L;
    private static final int MAX_CALL_ID = 255;

    private transient PresenceService service;

    @Override
    public void init() throws ServletException {
        if (!(getServletContext().getAttribute(PresenceRuntime.ATTRIBUTE) instanceof PresenceRuntime r)) {
            throw new ServletException("presence: the application did not start (see the deployment log)");
        }
        service = r.service();
    }

    /** Publishes, refreshes, modifies or removes a publication (RFC 3903). */
    @Override
    protected void doPublish(SipServletRequest req) throws IOException {
        long now = System.currentTimeMillis();
        try {
            SipURI ruri = sipUri(req.getRequestURI());
            String type = req.getContentType();
            byte[] body = req.getRawContent();
            PublishRequest r = new PublishRequest(Identities.aor(ruri.getUser(), ruri.getHost()), ruri.getUser(),
                    req.getRemoteUser(), eventPackage(req.getHeader("Event")), req.getHeader("SIP-If-Match"),
                    req.getHeader("Expires"), type == null ? null : type.split(";", 2)[0].trim(),
                    body == null ? new byte[0] : body, req.getRemoteAddr() + ":" + req.getRemotePort());
            Accepted ok = service.publish(r, now);
            SipServletResponse resp = req.createResponse(SipServletResponse.SC_OK);
            resp.setHeader("SIP-ETag", ok.etag());
            resp.setHeader("Expires", Long.toString(ok.expires()));
            resp.send();
            service.afterPublish(r.aor(), now);
        } catch (Rejection no) {
            reject(req, no);
        }
    }

    /** Creates, refreshes or ends a subscription (RFC 6665), then sends its NOTIFY. */
    @Override
    protected void doSubscribe(SipServletRequest req) throws IOException {
        long now = System.currentTimeMillis();
        Accepted ok;
        try {
            if (req.isInitial()) {
                ok = service.subscribe(initial(req), new SessionChannel(req.getSession(), req.getHeader("Event")), now);
            } else {
                ok = service.refresh(req.getSession().getId(), req.getHeader("Expires"), now);
            }
        } catch (Rejection no) {
            reject(req, no);
            return;
        }
        SipServletResponse resp = req.createResponse(ok.status());
        resp.setHeader("Expires", Long.toString(ok.expires()));
        resp.send();
        // the dialog must outlive the subscription: minutes, with a margin for the last NOTIFY
        req.getApplicationSession().setExpires((int) Math.min(Integer.MAX_VALUE, ok.expires() / 60 + 2));
        service.afterAnswer(ok.subscription(), now);
    }

    /** A NOTIFY answered 481 or timed out (408): the subscription is gone (RFC 6665 §4.2.2). */
    @Override
    protected void doErrorResponse(SipServletResponse resp) {
        int s = resp.getStatus();
        if ("NOTIFY".equals(resp.getMethod()) && (s == 481 || s == 408)) {
            service.dropped(resp.getSession().getId(), System.currentTimeMillis());
        }
    }

    private static SubscribeRequest initial(SipServletRequest req) throws Rejection {
        SipURI ruri = sipUri(req.getRequestURI());
        Address from = req.getFrom();
        SipURI fromUri = sipUri(from.getURI());
        String user = req.getRemoteUser();
        String watcherUser = user == null ? fromUri.getUser() : user.contains("@") ? user.substring(0, user.indexOf('@')) : user;
        String watcherHost = user != null && user.contains("@") ? user.substring(user.indexOf('@') + 1) : fromUri.getHost();
        String callId = req.getCallId();
        if (callId == null || callId.length() > MAX_CALL_ID) {
            throw new Rejection(400, "Bad Call-ID");
        }
        return new SubscribeRequest(req.getSession().getId(), Identities.aor(ruri.getUser(), ruri.getHost()),
                ruri.getUser(), Identities.aor(watcherUser, watcherHost), watcherHost, user,
                req.getHeader("Event"), req.getHeader("Expires"), callId, accept(req));
    }

    /** The media ranges of every Accept header, without parameters. */
    private static java.util.List<String> accept(SipServletRequest req) {
        java.util.List<String> out = new java.util.ArrayList<>();
        req.getHeaders("Accept").forEachRemaining(v -> {
            for (String range : v.split(",")) {
                String r = range.split(";", 2)[0].trim();
                if (!r.isEmpty()) {
                    out.add(r);
                }
            }
        });
        return out;
    }

    private static SipURI sipUri(URI uri) throws Rejection {
        if (!(uri instanceof SipURI s)) {
            throw new Rejection(416, "Unsupported URI Scheme");
        }
        if (s.getUser() == null || s.getUser().isEmpty()) {
            throw new Rejection(404, "Not Found");
        }
        return s;
    }

    private static String eventPackage(String event) {
        return event == null ? null : event.split(";", 2)[0].trim();
    }

    private static void reject(SipServletRequest req, Rejection no) throws IOException {
        SipServletResponse resp = req.createResponse(no.status(), no.reason());
        for (Map.Entry<String, String> h : no.headers().entrySet()) {
            resp.setHeader(h.getKey(), h.getValue());
        }
        resp.send();
    }
}
