package org.olelo.apps.b2bua;

import jakarta.servlet.ServletException;
import jakarta.servlet.sip.B2buaHelper;
import jakarta.servlet.sip.SipFactory;
import jakarta.servlet.sip.SipServlet;
import jakarta.servlet.sip.SipServletMessage;
import jakarta.servlet.sip.SipServletRequest;
import jakarta.servlet.sip.SipServletResponse;
import jakarta.servlet.sip.SipSession;
import jakarta.servlet.sip.SipURI;
import jakarta.servlet.sip.TooManyHopsException;
import jakarta.servlet.sip.UAMode;
import jakarta.servlet.sip.URI;
import java.io.IOException;
import java.util.List;

/**
 * A topology-hiding back-to-back user agent: every call is two dialogs, one with the caller and
 * one with the callee, joined by the container's {@link B2buaHelper}. Neither side sees the
 * other's Via, Contact, Record-Route or Call-ID; From and To keep their URIs (new tags).
 *
 * <pre>
 *  caller ──INVITE──▶ [UAS leg]  B2buaServlet  [UAC leg] ──INVITE──▶ callee (Request-URI or
 *         ◀─1xx/2xx── createResponseToOriginalRequest ◀─1xx/2xx──         b2bua.outboundProxy)
 *         ──ACK────▶ getPendingMessages(UAC) → createAck ─ACK──────▶
 *         ◀─re-INVITE/UPDATE/INFO/BYE──▶ createRequest(linked, req) ◀──▶  (both directions)
 *         ──CANCEL─▶ createCancel(linked) ──CANCEL──▶
 * </pre>
 *
 * <p>Forked answers of the callee side become separate early dialogs towards the caller
 * ({@link B2buaHelper#getLinkedSession} derives a caller-side session per callee-side dialog).
 * Reliable provisional responses are handled by {@link ReliableRelay}.
 *
 * <p>Runs on the container's application executor, one message at a time per call (application
 * session); nothing here blocks.
 */
public class B2buaServlet extends SipServlet {

    private static final long serialVersionUID = 1L;

    /** Context parameter: the next hop of every new call, a SIP URI; empty for the Request-URI. */
    public static final String OUTBOUND_PROXY = "b2bua.outboundProxy";

    /** Application session attribute set when the caller cancelled the call. */
    private static final String CANCELLED = "org.olelo.apps.b2bua.cancelled";

    private transient SipURI outboundProxy;
    private final B2buaStatistics stats = new B2buaStatistics();

    @Override
    public void init() throws ServletException {
        String proxy = getServletContext().getInitParameter(OUTBOUND_PROXY);
        if (proxy != null && !proxy.isBlank()) {
            SipFactory factory = (SipFactory) getServletContext().getAttribute(SIP_FACTORY);
            try {
                URI uri = factory.createURI(proxy.trim());
                if (!(uri instanceof SipURI sip)) {
                    throw new ServletException(OUTBOUND_PROXY + " must be a sip: or sips: URI, not " + proxy);
                }
                sip.setLrParam(true);
                outboundProxy = sip;
            } catch (jakarta.servlet.sip.ServletParseException e) {
                throw new ServletException(OUTBOUND_PROXY + " is not a SIP URI: " + proxy + " (" + e.getMessage() + ")", e);
            }
        }
        getServletContext().setAttribute(B2buaStatistics.ATTRIBUTE, stats);
    }

    /** Dispatches every request; see the class description. */
    @Override
    protected void doRequest(SipServletRequest req) throws ServletException, IOException {
        switch (req.getMethod()) {
            case "ACK" -> relayAck(req);
            case "CANCEL" -> cancel(req);
            case "PRACK" -> {
                stats.inDialog.increment();
                ReliableRelay.onPrack(req);
            }
            default -> {
                if (req.isInitial()) {
                    newLeg(req);
                } else {
                    relayInDialog(req);
                }
            }
        }
    }

    /** A new call (or an INVITE-less request such as MESSAGE or OPTIONS): a linked leg to the callee. */
    private void newLeg(SipServletRequest req) throws IOException {
        String method = req.getMethod();
        if (!method.equals("INVITE") && !method.equals("MESSAGE") && !method.equals("OPTIONS") && !method.equals("INFO")) {
            req.createResponse(SipServletResponse.SC_NOT_IMPLEMENTED, "Not Implemented - the B2BUA relays calls,"
                    + " MESSAGE and OPTIONS only").send();
            return;
        }
        if (outboundProxy == null && isThisServer(req.getRequestURI())) {
            req.createResponse(SipServletResponse.SC_NOT_FOUND, "No route: the Request-URI is this B2BUA").send();
            return;
        }
        SipServletRequest out;
        try {
            out = req.getB2buaHelper().createRequest(req, true, null);
        } catch (TooManyHopsException e) {
            req.createResponse(SipServletResponse.SC_TOO_MANY_HOPS).send();
            return;
        }
        if (outboundProxy != null) {
            out.pushRoute(outboundProxy);
        }
        if (method.equals("INVITE")) {
            stats.calls.increment();
        }
        try {
            out.send();
        } catch (IOException e) {
            // the detail is for the operator, not for the caller
            log("b2bua: cannot send to " + out.getRequestURI() + " (Call-ID " + req.getCallId() + "): " + e.getMessage());
            req.createResponse(SipServletResponse.SC_SERVER_INTERNAL_ERROR).send();
        }
    }

    /** A request inside a dialog: the same request on the linked dialog. */
    private void relayInDialog(SipServletRequest req) throws IOException {
        B2buaHelper h = req.getB2buaHelper();
        SipSession other = h.getLinkedSession(req.getSession());
        if (other == null || !other.isValid() || other.getState() == SipSession.State.TERMINATED) {
            req.createResponse(SipServletResponse.SC_CALL_LEG_DONE).send();
            return;
        }
        stats.inDialog.increment();
        if (req.getMethod().equals("BYE")) {
            ackPending(h, other, null); // the caller's ACK may still be on its way: the callee gets it first
        }
        h.createRequest(other, req, null).send();
    }

    /** The ACK of a 2xx: the far leg's unacknowledged 2xx gets its ACK, with this ACK's body. */
    private void relayAck(SipServletRequest ack) throws IOException {
        B2buaHelper h = ack.getB2buaHelper();
        SipSession other = h.getLinkedSession(ack.getSession());
        if (other != null) {
            ackPending(h, other, ack);
        }
    }

    /** Sends the ACK of every 2xx to INVITE that {@code leg} received and did not acknowledge yet. */
    private static void ackPending(B2buaHelper h, SipSession leg, SipServletRequest bodyFrom) throws IOException {
        for (SipServletMessage m : h.getPendingMessages(leg, UAMode.UAC)) {
            if (m instanceof SipServletResponse r && r.getStatus() / 100 == 2 && r.getMethod().equals("INVITE")) {
                SipServletRequest out = r.createAck();
                if (bodyFrom != null) {
                    Relay.content(bodyFrom, out);
                }
                out.send();
            }
        }
    }

    /** The caller cancelled: cancel the callee leg; the container answers the caller 487. */
    private void cancel(SipServletRequest cancel) throws IOException {
        cancel.getApplicationSession().setAttribute(CANCELLED, Boolean.TRUE);
        B2buaHelper h = cancel.getB2buaHelper();
        SipSession other = h.getLinkedSession(cancel.getSession());
        if (other == null) {
            return;
        }
        stats.cancelled.increment();
        try {
            h.createCancel(other).send();
        } catch (IllegalStateException e) {
            // the callee answered finally meanwhile: the answer is handled in doResponse
        }
    }

    /** Every response to a request this application sent. */
    @Override
    protected void doResponse(SipServletResponse resp) throws ServletException, IOException {
        SipServletRequest sent = resp.getRequest();
        String method = sent.getMethod();
        if (resp.getStatus() == 100 || method.equals("CANCEL") || method.equals("ACK")) {
            return;
        }
        if (method.equals("INVITE") && sent.isInitial()) {
            relayCallResponse(resp);
        } else {
            relayResponse(resp);
        }
    }

    /** A response to the callee-side INVITE: to the caller, in the caller-side dialog linked to its dialog. */
    private void relayCallResponse(SipServletResponse resp) throws IOException, ServletException {
        int status = resp.getStatus();
        B2buaHelper h = resp.getRequest().getB2buaHelper();
        SipServletRequest callerInvite = h.getLinkedSipServletRequest(resp.getRequest());
        boolean cancelled = Boolean.TRUE.equals(resp.getApplicationSession().getAttribute(CANCELLED));
        if (cancelled || callerInvite == null) {
            if (status / 100 == 2) { // answered while the CANCEL crossed it: end this leg
                resp.createAck().send();
                resp.getSession().createRequest("BYE").send();
            }
            return;
        }
        if (callerInvite.isCommitted() && status / 100 != 2) {
            return;
        }
        SipSession callerLeg = h.getLinkedSession(resp.getSession());
        if (callerLeg == null) {
            return;
        }
        SipServletResponse out = h.createResponseToOriginalRequest(callerLeg, status, resp.getReasonPhrase());
        Relay.response(resp, out);
        if (status < 200) {
            ReliableRelay.send(resp, out, callerInvite);
            return;
        }
        (status < 300 ? stats.answered : stats.failed).increment();
        out.send();
    }

    /** A response to a request relayed inside a dialog (or out of one, e.g. MESSAGE): to the request it relays. */
    private void relayResponse(SipServletResponse resp) throws IOException {
        SipServletRequest sent = resp.getRequest();
        SipServletRequest theirs = sent.getB2buaHelper().getLinkedSipServletRequest(sent);
        if (theirs == null && sent.getAttribute(ReliableRelay.CALLER_PRACK) instanceof SipServletRequest p) {
            theirs = p;
        }
        if (theirs == null || theirs.isCommitted()) {
            return; // a request of our own (PRACK, BYE after a crossed CANCEL)
        }
        SipServletResponse out = theirs.createResponse(resp.getStatus(), resp.getReasonPhrase());
        Relay.response(resp, out);
        out.send();
    }

    private boolean isThisServer(URI uri) {
        if (!(uri instanceof SipURI sip)) {
            return false;
        }
        int port = effectivePort(sip);
        if (getServletContext().getAttribute(OUTBOUND_INTERFACES) instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof SipURI local && local.getHost().equalsIgnoreCase(sip.getHost())
                        && effectivePort(local) == port) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int effectivePort(SipURI uri) {
        return uri.getPort() > 0 ? uri.getPort() : uri.isSecure() ? 5061 : 5060;
    }
}
