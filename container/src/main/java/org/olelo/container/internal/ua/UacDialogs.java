package org.olelo.container.internal.ua;

import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import jakarta.servlet.sip.SipSession;
import jakarta.servlet.sip.UAMode;
import java.io.IOException;
import org.olelo.container.internal.message.OptionTags;
import org.olelo.container.internal.message.SipServletRequestImpl;
import org.olelo.container.internal.message.SipServletResponseImpl;
import org.olelo.container.internal.session.SipSessionImpl;
import org.olelo.core.routing.Hop;

/**
 * The container as a user agent client once a request is sent: each response to a request an
 * application sent turns into dialog state before the handler servlet sees it (early and
 * confirmed dialogs, a derived session for each further dialog a forked request creates, 2xx
 * repeats answered with the same ACK, reliable provisionals, session timers), and a transaction
 * that ends without a response becomes a 408 or 503 for the application. The sending side is
 * {@link UserAgent}'s, the server side {@link UasDialogs}'.
 *
 * <p>Runs on the application session's executor, to which {@link UacListener} hands the outcome of
 * each client transaction; nothing here blocks.
 */
final class UacDialogs {

    private final UserAgent ua;

    UacDialogs(UserAgent ua) {
        this.ua = ua;
    }

    /** Handles a response to a request an application sent; runs on the application session's executor. */
    void onResponse(SipServletRequestImpl req, SIPResponse resp, Hop from) {
        SipSessionImpl s = SipSessionImpl.of(req);
        DialogState d = s == null ? null : UaRole.dialogOf(s);
        if (d == null || !s.isValid()) {
            return;
        }
        int status = resp.getStatusCode();
        String method = req.getMethod();
        String toTag = resp.getToTag();
        SipSessionImpl target = s;
        boolean creating = req.isInitial() && Messages.createsDialog(method);
        if (creating && status > 100 && status < 300 && toTag != null) {
            target = dialogFor(s, d, toTag, resp, status);
            if (target == null) {
                return; // a retransmitted 2xx: handled without the application
            }
        }
        DialogState td = UaRole.dialogOf(target);
        if (status > 100 && status < 200 && ua.reliable.isRetransmission(td, resp)) {
            return;
        }
        SipServletResponseImpl r = new SipServletResponseImpl(resp, req, target,
                from == null ? null : from.transport(), from == null ? null : from.address(), null, false);
        if (status >= 200) {
            d.pendingOut.remove(req);
            req.finalReceived(r);
            if (method.equals("INVITE") && req.isInitial()) {
                ((UaRole) target.role()).inviteBranch().finalResponse(r);
            }
            if (method.equals("INVITE") && status < 300) {
                td.unackedIn.add(r);
            }
        }
        if (status >= 200 && status < 300 && (method.equals("INVITE") || method.equals("UPDATE"))) {
            ua.sessionTimers.onSuccess(target, td, req, resp);
        }
        if (status >= 200 && ua.subscriptions.responded(s, d, td, req, status, from == null ? null : resp)) {
            ua.terminate(target); // the application sees the dialog ended; invalidation waits until it returns
        }
        if (OptionTags.isReliableProvisional(resp)) {
            td.reliableIn.add(r);
        }
        jakarta.servlet.sip.AutomaticProcessingListener automatic = d.automaticFor(req);
        if (automatic != null) {
            automatic.incomingResponse(r);
        } else {
            ua.invoker.response(target, r);
        }
        afterResponse(req, target, td, status, creating);
    }

    /** The session a provisional or 2xx answer to a dialog-creating request belongs to; null for a 2xx repeat. */
    private SipSessionImpl dialogFor(SipSessionImpl s, DialogState d, String toTag, SIPResponse resp, int status) {
        SipSessionImpl target = s;
        if (d.remoteTag == null) {
            d.remoteTag = toTag;
            d.learnRouting(resp, true);
            ua.dialogs.put(d, s);
        } else if (!d.remoteTag.equals(toTag)) {
            target = ua.dialogs.find(d.callId, d.localTag, toTag);
            if (target == null) {
                target = derive(s, d, toTag, resp);
            }
        } else if (status >= 200) {
            d.learnRouting(resp, true); // §13.2.2.4: the 2xx fixes the route set
        }
        DialogState td = UaRole.dialogOf(target);
        if (status >= 200) {
            long cseq = resp.getCSeq().getSeqNumber();
            if (td.lastAckCSeq == cseq && td.lastAck != null) {
                try {
                    td.lastAckHop.transport().send(td.lastAck, td.lastAckHop.address());
                } catch (IOException ignored) {
                    // the next 2xx repeat tries again
                }
                return null;
            }
            for (SipServletResponseImpl u : td.unackedIn) {
                if (u.jainResponse().getCSeq().getSeqNumber() == cseq) {
                    return null; // the application has it and has not acknowledged it yet
                }
            }
            if (status < 300) {
                target.setState(SipSession.State.CONFIRMED);
            }
        } else if (target.getState() == SipSession.State.INITIAL) {
            target.setState(SipSession.State.EARLY);
        }
        return target;
    }

    /** A derived session (JSR 289 §6.2.3.2) for another dialog the same request created. */
    private SipSessionImpl derive(SipSessionImpl s, DialogState d, String toTag, SIPResponse resp) {
        SipSessionImpl t = ua.rt.sessions().createSipSession(s.parent(), d.callId);
        t.setHandlerInternal(s.handler());
        DialogState td = d.deriveCopy();
        td.remoteTag = toTag;
        td.learnRouting(resp, true);
        td.derivedFrom = s;
        t.takeRole(new UaRole(ua, t, td));
        UasDialogs.forking(s, d).added(t);
        td.forking = d.forking;
        if (d.initialRequest.getMethod().equals("INVITE")) {
            td.inviteBranch = new InviteBranchImpl(t, d.initialRequest, UAMode.UAC);
        }
        SIPRequest o = d.initialRequest.jainRequest();
        t.setup(o.getFrom(), resp.getTo(), s.routing());
        ua.dialogs.put(td, t);
        t.fireCreated();
        return t;
    }

    private void afterResponse(SipServletRequestImpl req, SipSessionImpl target, DialogState td, int status, boolean creating) {
        if (status < 200) {
            return;
        }
        String method = req.getMethod();
        if (creating && status >= 300) {
            if (target.getState() == SipSession.State.EARLY) {
                ua.dialogs.remove(target);
                td.remoteTag = null;
                td.routeSet = null;
            }
            if (td.derivedFrom != null) {
                target.setState(SipSession.State.TERMINATED);
            } else if (target.getState() != SipSession.State.CONFIRMED) {
                target.setState(SipSession.State.INITIAL);
                if (td.pendingOut.isEmpty()) {
                    target.markReady();
                }
            }
        } else if (!creating && !td.established() && td.pendingOut.isEmpty()
                && req.isInitial()) {
            target.markReady(); // MESSAGE, OPTIONS, REGISTER... outside a dialog: done once answered
        }
    }

    /** A transaction ended without a final response: the application gets a 408 (or 503 for a transport error). */
    void onNoResponse(SipServletRequestImpl req, int status, String reason) {
        SIPResponse resp = req.jainRequest().createResponse(status, reason);
        onResponse(req, resp, null);
    }
}
