package org.olelo.apps.forwarding;

import jakarta.servlet.ServletException;
import jakarta.servlet.sip.Proxy;
import jakarta.servlet.sip.SipApplicationSession;
import jakarta.servlet.sip.SipFactory;
import jakarta.servlet.sip.SipServlet;
import jakarta.servlet.sip.SipServletRequest;
import jakarta.servlet.sip.SipServletResponse;
import jakarta.servlet.sip.TimerService;
import jakarta.servlet.sip.URI;
import java.io.IOException;

/**
 * Call forwarding on busy and on no answer, as a supervised, record-routing proxy.
 *
 * <pre>
 * INVITE ─▶ proxyTo(Request-URI) ─┬─ 2xx ──────────────────────────────▶ caller (timer stopped)
 *           + no-answer timer     ├─ busy (486, 600) ─▶ proxyTo(busy target)
 *                                 ├─ timer fires ─▶ CANCEL branch ─▶ 487 ─▶ proxyTo(no-answer target)
 *                                 └─ other final ───────────────────────▶ caller
 * </pre>
 *
 * A user without a forwarding target is relayed without supervision, like the plain proxy. The
 * forwarding target's own answer, whatever it is, goes to the caller: a call is forwarded at most
 * once. Requests inside the dialog and CANCEL are relayed by the container along the recorded
 * route. When the application router places this application before the registrar, the first
 * attempt and the forwarded one both go through the location service.
 *
 * <p>Runs on the container's application executor, one message (or timer) at a time per call;
 * nothing here blocks.
 */
public class ForwardingServlet extends SipServlet {

    private static final long serialVersionUID = 1L;

    private transient ForwardingRules rules;
    private transient TimerService timers;
    private final ForwardingStatistics stats = new ForwardingStatistics();

    @Override
    public void init() throws ServletException {
        SipFactory factory = (SipFactory) getServletContext().getAttribute(SIP_FACTORY);
        rules = ForwardingRules.read(getServletContext(), factory);
        timers = (TimerService) getServletContext().getAttribute(TIMER_SERVICE);
        getServletContext().setAttribute(ForwardingStatistics.ATTRIBUTE, stats);
    }

    /** Initial requests are proxied; INVITEs for users with targets are supervised. */
    @Override
    protected void doRequest(SipServletRequest req) throws ServletException, IOException {
        String method = req.getMethod();
        if (!req.isInitial() || method.equals("ACK") || method.equals("CANCEL")) {
            return; // relayed by the container along the recorded route
        }
        Proxy proxy = req.getProxy();
        proxy.setRecordRoute(true);
        ForwardingRules.Targets targets = method.equals("INVITE") ? rules.lookup(req.getRequestURI()) : null;
        if (targets == null) {
            proxy.setSupervised(false);
            proxy.proxyTo(req.getRequestURI());
            return;
        }
        stats.calls.increment();
        SipApplicationSession as = req.getApplicationSession();
        ForwardedCall call = new ForwardedCall(req, targets);
        call.store(as);
        proxy.setSupervised(true);
        proxy.proxyTo(req.getRequestURI());
        if (targets.noAnswer() != null) {
            call.noAnswerTimer = timers.createTimer(as, rules.noAnswerSeconds * 1000L, false, null);
        }
    }

    /** An answer: the no-answer timer is no longer needed. */
    @Override
    protected void doSuccessResponse(SipServletResponse resp) {
        ForwardedCall call = ForwardedCall.of(resp.getApplicationSession());
        if (call != null) {
            call.stopTimer();
        }
    }

    /**
     * The best final error response of the attempt: a busy status, or the 487 of the branch the
     * no-answer timer cancelled, sends the call to the matching target; anything else goes to the
     * caller.
     */
    @Override
    protected void doErrorResponse(SipServletResponse resp) throws ServletException {
        ForwardedCall call = ForwardedCall.of(resp.getApplicationSession());
        if (call == null || call.forwarded || !resp.getMethod().equals("INVITE")) {
            return;
        }
        call.stopTimer();
        URI target = call.noAnswer ? call.targets.noAnswer()
                : rules.busyCodes.contains(resp.getStatus()) ? call.targets.busy() : null;
        if (target == null) {
            return;
        }
        call.forwarded = true;
        (call.noAnswer ? stats.noAnswer : stats.busy).increment();
        call.invite.getProxy().proxyTo(target);
    }
}
