package org.olelo.apps.clicktodial;

import jakarta.servlet.ServletException;
import jakarta.servlet.sip.B2buaHelper;
import jakarta.servlet.sip.SipApplicationSession;
import jakarta.servlet.sip.SipFactory;
import jakarta.servlet.sip.SipServlet;
import jakarta.servlet.sip.SipServletMessage;
import jakarta.servlet.sip.SipServletRequest;
import jakarta.servlet.sip.SipServletResponse;
import jakarta.servlet.sip.SipSession;
import jakarta.servlet.sip.TimerService;
import jakarta.servlet.sip.UAMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Click-to-dial, third-party call control as in RFC 3725 flow I:
 *
 * <pre>
 * MESSAGE "A\nB" ─▶ 202        (or POST /calls, see {@link CallsServlet})
 *   INVITE (no SDP) ─────────▶ A
 *   ◀──────────────── 200 offer A
 *   INVITE (offer A) ─────────────────────────▶ B
 *   ◀───────────────────────────────── 200 answer B
 *   ACK ──────────────────────────────────────▶ B
 *   ACK (answer B) ──────────▶ A        the two dialogs are linked:
 *   BYE from either ─▶ 200, BYE to the other; re-INVITE, UPDATE, INFO relayed across
 * </pre>
 *
 * A refusing ends the call; B refusing, answering without SDP or not answering within
 * {@code answer.seconds} ends A's dialog (ACK, then BYE). Requests from A carry B's address in
 * From (A sees whom it is connected to), and the other way round.
 *
 * <p>Runs on the container's application executor, one message or timer at a time per call;
 * nothing here blocks.
 */
public class ClickToDialServlet extends SipServlet {

    private static final long serialVersionUID = 1L;

    private transient SipFactory factory;
    private transient TimerService timers;
    private int answerSeconds;
    private final ClickToDialStatistics stats = new ClickToDialStatistics();
    private transient Dialer dialer;

    @Override
    public void init() throws ServletException {
        factory = (SipFactory) getServletContext().getAttribute(SIP_FACTORY);
        timers = (TimerService) getServletContext().getAttribute(TIMER_SERVICE);
        String v = getServletContext().getInitParameter("answer.seconds");
        try {
            answerSeconds = v == null || v.isBlank() ? 25 : Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            answerSeconds = -1;
        }
        if (answerSeconds < 1 || answerSeconds > 3600) {
            throw new ServletException("context parameter answer.seconds: expected a number from 1 to 3600, got '" + v + "'");
        }
        getServletContext().setAttribute(ClickToDialStatistics.ATTRIBUTE, stats);
        dialer = new Dialer(factory, timers, stats, new Calls());
        getServletContext().setAttribute(Dialer.ATTRIBUTE, dialer);
    }

    /** Dispatches every request; a MESSAGE outside a dialog asks for a call. */
    @Override
    protected void doRequest(SipServletRequest req) throws ServletException, IOException {
        String method = req.getMethod();
        if (req.isInitial()) {
            if (method.equals("MESSAGE")) {
                dial(req);
            } else if (!method.equals("ACK") && !method.equals("CANCEL")) {
                req.createResponse(SipServletResponse.SC_METHOD_NOT_ALLOWED).send();
            }
            return;
        }
        switch (method) {
            case "ACK" -> relayAck(req);
            case "BYE" -> hangUp(req);
            case "CANCEL" -> { }
            default -> relay(req);
        }
    }

    /** The trigger: parse the two parties, accept, call A without an offer. */
    private void dial(SipServletRequest req) throws IOException {
        DialRequest parties;
        try {
            byte[] raw = req.getRawContent();
            parties = DialRequest.parse(raw == null ? "" : new String(raw, StandardCharsets.UTF_8), factory);
        } catch (IllegalArgumentException e) {
            stats.rejected.increment();
            req.createResponse(SipServletResponse.SC_BAD_REQUEST, "Bad Request - " + e.getMessage()).send();
            return;
        }
        ThirdPartyCall call = dialer.prepare(req.getApplicationSession(), parties);
        req.createResponse(SipServletResponse.SC_ACCEPTED).send();
        dialer.send(call);
    }

    @Override
    protected void doResponse(SipServletResponse resp) throws ServletException, IOException {
        ThirdPartyCall call = ThirdPartyCall.of(resp.getApplicationSession());
        SipServletRequest sent = resp.getRequest();
        if (call == null || resp.getStatus() < 200 || sent.getMethod().equals("CANCEL")) {
            return;
        }
        if (sent == call.inviteA) {
            answerOfA(call, resp);
        } else if (sent == call.inviteB) {
            answerOfB(call, resp);
        } else {
            relayResponse(resp);
        }
    }

    /** A answered: call B with A's offer; A's 2xx is acknowledged once B answers. */
    private void answerOfA(ThirdPartyCall call, SipServletResponse resp) throws IOException {
        if (resp.getStatus() >= 300) {
            stats.failed.increment();
            call.ended = true;
            return;
        }
        byte[] offer = resp.getRawContent();
        if (call.ended || call.answerOfA != null || offer == null || offer.length == 0) {
            if (call.answerOfA == null && !call.ended) {
                stats.failed.increment(); // no offer to give B
                call.ended = true;
            }
            resp.createAck().send();
            resp.getSession().createRequest("BYE").send();
            return;
        }
        call.answerOfA = resp;
        SipApplicationSession as = resp.getApplicationSession();
        call.inviteB = factory.createRequest(as, "INVITE", call.parties.a(), call.parties.b());
        call.inviteB.setContent(offer, resp.getContentType());
        call.answerTimer = timers.createTimer(as, answerSeconds * 1000L, false, null);
        try {
            call.inviteB.send();
        } catch (IOException e) {
            fail(call);
        }
    }

    /** B answered: ACK B, ACK A with B's answer, link the dialogs. */
    private void answerOfB(ThirdPartyCall call, SipServletResponse resp) throws IOException {
        call.stopTimer();
        byte[] answer = resp.getRawContent();
        if (resp.getStatus() >= 300) {
            fail(call);
            return;
        }
        resp.createAck().send();
        if (call.ended || call.legB != null || answer == null || answer.length == 0) {
            resp.getSession().createRequest("BYE").send();
            if (call.legB == null) {
                fail(call);
            }
            return;
        }
        call.legB = resp.getSession();
        SipServletRequest ackA = call.answerOfA.createAck();
        ackA.setContent(answer, resp.getContentType());
        ackA.send();
        resp.getRequest().getB2buaHelper().linkSipSessions(call.answerOfA.getSession(), call.legB);
        call.connected = true;
        stats.connected.increment();
    }

    private void fail(ThirdPartyCall call) {
        call.stopTimer();
        if (!call.ended) {
            stats.failed.increment();
            call.ended = true;
        }
        ThirdPartyCall.end(call.answerOfA == null ? null : call.answerOfA.getSession());
    }

    /** BYE from either party: answered here, and the other party's dialog is ended. */
    private void hangUp(SipServletRequest bye) throws IOException {
        ThirdPartyCall call = ThirdPartyCall.of(bye.getApplicationSession());
        if (call != null) {
            call.ended = true;
            call.stopTimer();
        }
        // the other dialog first: once this BYE is answered, its session may be invalidated
        ThirdPartyCall.end(bye.getB2buaHelper().getLinkedSession(bye.getSession()));
        bye.createResponse(SipServletResponse.SC_OK).send();
    }

    /** re-INVITE, UPDATE, INFO... from one party: the same request to the other. */
    private void relay(SipServletRequest req) throws IOException {
        B2buaHelper h = req.getB2buaHelper();
        SipSession other = h.getLinkedSession(req.getSession());
        if (other == null || other.getState() != SipSession.State.CONFIRMED) {
            req.createResponse(SipServletResponse.SC_REQUEST_PENDING, "Request Pending - the call is not connected yet").send();
            return;
        }
        h.createRequest(other, req, null).send();
    }

    private void relayResponse(SipServletResponse resp) throws IOException {
        SipServletRequest sent = resp.getRequest();
        SipServletRequest theirs = sent.getB2buaHelper().getLinkedSipServletRequest(sent);
        if (theirs == null || theirs.isCommitted()) {
            return; // a request of our own, such as a BYE
        }
        SipServletResponse out = theirs.createResponse(resp.getStatus(), resp.getReasonPhrase());
        byte[] body = resp.getRawContent();
        if (body != null && body.length > 0) {
            out.setContent(body, resp.getContentType());
        }
        out.send();
    }

    /** The ACK of a relayed re-INVITE's 2xx: the other party's 2xx gets its ACK, with this body. */
    private void relayAck(SipServletRequest ack) throws IOException {
        B2buaHelper h = ack.getB2buaHelper();
        SipSession other = h.getLinkedSession(ack.getSession());
        if (other == null) {
            return;
        }
        for (SipServletMessage m : h.getPendingMessages(other, UAMode.UAC)) {
            if (m instanceof SipServletResponse r && r.getStatus() / 100 == 2 && r.getMethod().equals("INVITE")) {
                SipServletRequest out = r.createAck();
                byte[] body = ack.getRawContent();
                if (body != null && body.length > 0) {
                    out.setContent(body, ack.getContentType());
                }
                out.send();
            }
        }
    }
}
