package org.olelo.apps.media;

import jakarta.servlet.ServletException;
import jakarta.servlet.sip.Proxy;
import jakarta.servlet.sip.SipApplicationSession;
import jakarta.servlet.sip.SipServlet;
import jakarta.servlet.sip.SipServletMessage;
import jakarta.servlet.sip.SipServletRequest;
import jakarta.servlet.sip.SipServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.olelo.apps.media.ng.NgException;
import org.olelo.apps.media.ng.NgInstance;

/**
 * A record-routing proxy that anchors the media of calls at rtpengine: the SDP of an INVITE,
 * re-INVITE or UPDATE is given to rtpengine as an {@code offer}, the SDP of the 1xx/2xx answering
 * it as an {@code answer}, and each is replaced by the SDP rtpengine returns, so both parties send
 * their media to rtpengine's addresses. An INVITE without SDP (late offer) has its 2xx's SDP
 * offered and its ACK's SDP answered. A BYE, and a final failure of the call's INVITE (a 487 after
 * CANCEL included), delete the media session.
 *
 * <p>The proxy goes to the Request-URI, so when the application router puts this application in
 * front of another one (the registrar's location service, the proxy), that one routes the call.
 * Requests inside the dialog and responses pass here because of the Record-Route; a request
 * without SDP, and a body that is not {@code application/sdp}, pass unchanged.
 *
 * <p>When no instance answers an offer the request is refused with {@code 503} (or relayed without
 * media anchoring, with {@code rtpengine.required=false}); SDP rtpengine refuses gets {@code 488};
 * an answer rtpengine refuses leaves the response's SDP as it is (the response cannot be refused
 * any more).
 *
 * <p>A failed command writes no log line per call (a dead rtpengine would flood the log): it is
 * counted in the instance's {@code failures}, and an instance that stops or starts answering is
 * logged once ({@link RtpEngine}).
 *
 * <p>Runs on the container's application-session threads (virtual), one message at a time per
 * call; each offer, answer and delete blocks on one UDP exchange with rtpengine.
 */
public class MediaRelayServlet extends SipServlet {

    private static final long serialVersionUID = 1L;

    private transient MediaRuntime rt;

    @Override
    public void init() throws ServletException {
        rt = (MediaRuntime) getServletContext().getAttribute(MediaRuntime.ATTRIBUTE);
        if (rt == null) {
            throw new ServletException("media-relay: started without its listener");
        }
    }

    @Override
    protected void doRequest(SipServletRequest req) throws ServletException, IOException {
        String method = req.getMethod();
        if (method.equals("ACK")) {
            lateAnswer(req);
            return;
        }
        if (method.equals("CANCEL")) {
            return; // the container cancels the branches; the INVITE's 487 deletes the media session
        }
        if (!req.isInitial()) {
            inDialog(req, method);
            return; // the container proxies it along the recorded route
        }
        if (!method.equals("INVITE")) {
            Proxy proxy = req.getProxy();
            proxy.setRecordRoute(false);
            proxy.setSupervised(false);
            proxy.proxyTo(req.getRequestURI());
            return;
        }
        if (refused(req, offer(req, null))) {
            return;
        }
        Proxy proxy = req.getProxy();
        proxy.setRecordRoute(true);
        proxy.setSupervised(true);
        proxy.proxyTo(req.getRequestURI());
    }

    private void inDialog(SipServletRequest req, String method) throws IOException {
        SipApplicationSession as = req.getApplicationSession();
        if (method.equals("BYE")) {
            delete(as, req.getCallId());
            return;
        }
        if ((method.equals("INVITE") || method.equals("UPDATE")) && sdp(req) != null) {
            refused(req, offer(req, CallMedia.instance(as, rt.engine().instances())));
        }
    }

    /**
     * Answers a request whose offer failed: {@code 488} when rtpengine refused its SDP, {@code 503}
     * when no instance answered (unless {@code rtpengine.required=false}: then it goes on as it is).
     *
     * @return true when the request was answered here
     */
    private boolean refused(SipServletRequest req, NgException failure) throws IOException {
        if (failure == null) {
            return false;
        }
        if (!failure.noAnswer()) {
            req.createResponse(488, "Not Acceptable Here").send();
            return true;
        }
        if (rt.config().required()) {
            req.createResponse(503, "Media Relay Unavailable").send();
            return true;
        }
        return false;
    }

    /**
     * Offers the request's SDP (if any) and puts rtpengine's in its place.
     *
     * @param on the call's instance, null for a new call
     * @return null when done (or nothing to offer), else the failure
     */
    private NgException offer(SipServletRequest req, NgInstance on) throws IOException {
        String sdp = sdp(req);
        if (sdp == null) {
            return null;
        }
        String fromTag = req.getFrom().getParameter("tag");
        String toTag = req.getTo().getParameter("tag");
        try {
            RtpEngine.Placed p = rt.engine().offer(on, req.getCallId(), fromTag, toTag, sdp);
            if (on == null) {
                CallMedia.opened(req.getApplicationSession(), p.instance(), req.getCallId(), fromTag);
            }
            replace(req, p.sdp());
            return null;
        } catch (NgException e) {
            return e; // counted per instance (failures); no line per call
        }
    }

    @Override
    protected void doResponse(SipServletResponse resp) throws ServletException, IOException {
        int status = resp.getStatus();
        String method = resp.getMethod();
        SipApplicationSession as = resp.getApplicationSession();
        if (status > 100 && status < 300 && (method.equals("INVITE") || method.equals("UPDATE"))) {
            String sdp = sdp(resp);
            if (sdp != null) {
                answered(resp, as, sdp);
            }
        } else if (status >= 300 && method.equals("INVITE") && resp.getRequest().isInitial() && !resp.isBranchResponse()) {
            delete(as, resp.getCallId());
        }
        super.doResponse(resp);
    }

    /** A 1xx/2xx with SDP: the answer to the request's offer, or the offer of a late-offer INVITE. */
    private void answered(SipServletResponse resp, SipApplicationSession as, String sdp) throws IOException {
        NgInstance on = CallMedia.instance(as, rt.engine().instances());
        String requestTag = resp.getRequest().getFrom().getParameter("tag");
        String responseTag = resp.getTo().getParameter("tag");
        try {
            if (sdp(resp.getRequest()) != null) {
                if (on != null) {
                    replace(resp, rt.engine().answer(on, resp.getCallId(), requestTag, responseTag, sdp));
                }
            } else if (resp.getMethod().equals("INVITE") && resp.getStatus() >= 200) {
                RtpEngine.Placed p = rt.engine().offer(on, resp.getCallId(), responseTag, requestTag, sdp);
                if (on == null) {
                    CallMedia.opened(as, p.instance(), resp.getCallId(), requestTag);
                }
                as.setAttribute(CallMedia.LATE_OFFER, responseTag);
                replace(resp, p.sdp());
            }
        } catch (NgException e) {
            // the response goes on with its own SDP; counted per instance (failures)
        }
    }

    /** The ACK of a late offer carries the answer. */
    private void lateAnswer(SipServletRequest ack) throws IOException {
        SipApplicationSession as = ack.getApplicationSession();
        if (!(as.getAttribute(CallMedia.LATE_OFFER) instanceof String offerer)) {
            return;
        }
        String sdp = sdp(ack);
        NgInstance on = CallMedia.instance(as, rt.engine().instances());
        if (sdp == null || on == null) {
            return;
        }
        as.removeAttribute(CallMedia.LATE_OFFER);
        String other = offerer.equals(ack.getTo().getParameter("tag")) ? ack.getFrom().getParameter("tag")
                : ack.getTo().getParameter("tag");
        try {
            replace(ack, rt.engine().answer(on, ack.getCallId(), offerer, other, sdp));
        } catch (NgException e) {
            // the ACK goes on with its own SDP; counted per instance (failures)
        }
    }

    private void delete(SipApplicationSession as, String callId) {
        NgInstance on = CallMedia.instance(as, rt.engine().instances());
        if (on == null) {
            return;
        }
        String fromTag = CallMedia.fromTag(as);
        CallMedia.closed(as);
        try {
            rt.engine().delete(on, callId, fromTag);
        } catch (NgException e) {
            // left to rtpengine's own timeout; counted per instance (failures)
        }
    }

    /** The message's SDP as text, or null when it carries none. */
    static String sdp(SipServletMessage m) throws IOException {
        String type = m.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/sdp")) {
            return null;
        }
        byte[] raw = m.getRawContent();
        return raw == null || raw.length == 0 ? null : new String(raw, StandardCharsets.UTF_8);
    }

    private static void replace(SipServletMessage m, String sdp) throws IOException {
        m.setContent(sdp.getBytes(StandardCharsets.UTF_8), "application/sdp");
    }
}
