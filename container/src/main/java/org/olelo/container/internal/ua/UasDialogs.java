package org.olelo.container.internal.ua;

import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import jakarta.servlet.sip.SipErrorEvent;
import jakarta.servlet.sip.SipErrorListener;
import jakarta.servlet.sip.SipSession;
import jakarta.servlet.sip.UAMode;
import java.io.IOException;
import javax.sip.address.Address;
import javax.sip.header.ContactHeader;
import org.olelo.container.internal.message.SipServletRequestImpl;
import org.olelo.container.internal.message.SipServletResponseImpl;
import org.olelo.container.internal.session.SipSessionImpl;
import org.olelo.core.transaction.ServerTransaction;
import org.olelo.core.transaction.TimerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The container as a user agent server: the dialog an application creates by answering a request
 * itself (Contact, tags, route set), 2xx retransmission until the ACK arrives (RFC 3261 §13.3.1.4),
 * and requests and ACKs received inside such dialogs.
 *
 * <p>Runs on the application session's executor; the retransmission timer only hands work to it.
 */
public final class UasDialogs {

    private static final Logger LOG = LoggerFactory.getLogger(UasDialogs.class);

    private final UserAgent ua;

    UasDialogs(UserAgent ua) {
        this.ua = ua;
    }

    /**
     * The user-agent state of a session that received {@code initial} and answers it itself,
     * created on first use.
     */
    public DialogState state(SipSessionImpl s, SipServletRequestImpl initial) {
        DialogState d = s.dialog();
        if (d == null) {
            SIPRequest r = initial.jainRequest();
            ServerTransaction st = initial.transaction();
            d = new DialogState(ua, UAMode.UAS, r.getCallId().getCallId(), st == null ? null : st.localTag());
            d.localAddress = (Address) r.getTo().getAddress().clone();
            d.remoteAddress = (Address) r.getFrom().getAddress().clone();
            d.remoteCSeq = r.getCSeq().getSeqNumber();
            d.transport = initial.getTransport();
            d.initialRequest = initial;
            if (!initial.finalResponseSent()) {
                d.pendingIn.add(initial);
            }
            s.setDialog(d);
        }
        return d;
    }

    /**
     * A UAS session derived from {@code uas} for another dialog with the same caller (a B2BUA
     * relaying a forked answer, an invite branch, a forking context's new dialog): same request,
     * new To tag.
     */
    public SipSessionImpl derive(SipSessionImpl uas) {
        DialogState o = state(uas, uas.initialRequest());
        SipSessionImpl t = ua.rt.sessions().createSipSession(uas.parent(), o.callId);
        t.setHandlerInternal(uas.handler());
        DialogState d = new DialogState(ua, UAMode.UAS, o.callId, org.olelo.core.message.SipMessages.newTag());
        d.localAddress = o.localAddress;
        d.remoteAddress = o.remoteAddress;
        d.remoteTag = o.initialRequest.jainRequest().getFromTag();
        d.learnRouting(o.initialRequest.jainRequest(), false);
        d.remoteCSeq = o.remoteCSeq;
        d.transport = o.transport;
        d.initialRequest = o.initialRequest;
        t.setDialog(d);
        t.setDerivedFrom(uas);
        t.setInitialRequest(o.initialRequest);
        t.setupLazily(uas::getLocalParty, uas::getRemoteParty, uas.getRegion(), uas.getSubscriberURI());
        ua.dialogs.put(d, t);
        forking(uas, o).added(t);
        d.forking = o.forking;
        if (o.initialRequest.getMethod().equals("INVITE")) {
            d.inviteBranch = new InviteBranchImpl(t, o.initialRequest, UAMode.UAS);
        }
        t.fireCreated();
        return t;
    }

    /** The forking context of an original session, created on first use. */
    static ForkingContextImpl forking(SipSessionImpl origin, DialogState d) {
        if (d.forking == null) {
            d.forking = new ForkingContextImpl(d.ua, origin);
        }
        return d.forking;
    }

    /** Prepares a response the application sends on a request it answers: Contact and session timer. */
    public void beforeSend(SipServletResponseImpl resp) {
        SipServletRequestImpl req = (SipServletRequestImpl) resp.getRequest();
        SipSessionImpl s = resp.sessionImpl();
        if (s == null || s.isProxy()) {
            return;
        }
        int status = resp.getStatus();
        String method = req.getMethod();
        SIPResponse r = resp.jainResponse();
        if (status > 100 && status < 300 && Messages.refreshesTarget(method) && r.getHeader(ContactHeader.NAME) == null
                && req.transaction() != null) {
            r.setHeader(ua.contact(req.transaction().transport(), r.getTo().getAddress().getURI()));
        }
        if (status >= 200 && status < 300 && (method.equals("INVITE") || method.equals("UPDATE"))) {
            ua.sessionTimers.beforeSuccess(resp, s);
        }
        if (req.isInitial() && Messages.createsDialog(method) && status > 100 && status < 300) {
            DialogState d = state(s, req);
            if (d.remoteTag == null) {
                // registered before the response leaves, so that the peer's ACK or BYE finds the dialog
                d.remoteTag = req.jainRequest().getFromTag();
                d.learnRouting(req.jainRequest(), false);
                ua.dialogs.put(d, s);
            }
        }
    }

    /** Dialog bookkeeping once a response the application created has been sent. */
    public void afterSend(SipServletResponseImpl resp) {
        SipServletRequestImpl req = (SipServletRequestImpl) resp.getRequest();
        SipSessionImpl s = resp.sessionImpl();
        if (s == null || s.isProxy() || !s.isValid()) {
            return;
        }
        int status = resp.getStatus();
        String method = req.getMethod();
        DialogState d = s.dialog();
        if (d == null && !(req.isInitial() && Messages.createsDialog(method) && status > 100 && status < 300)) {
            return;
        }
        d = state(s, req);
        if (status >= 200) {
            d.pendingIn.remove(req);
            if (method.equals("INVITE") && req.isInitial()) {
                ((InviteBranchImpl) SessionDialogs.activeInviteBranchOrAny(s)).finalResponse(resp);
            }
        }
        if (method.equals("INVITE") && status >= 200 && status < 300) {
            d.unackedOut.add(resp);
            retransmit2xx(s, d, resp, ua.core.config().timers());
        }
        if (status >= 200 && status < 300 && (method.equals("INVITE") || method.equals("UPDATE"))) {
            ua.sessionTimers.afterSuccess(resp, s, d);
        }
    }

    private void retransmit2xx(SipSessionImpl s, DialogState d, SipServletResponseImpl resp, TimerSettings t) {
        long deadline = System.nanoTime() + t.timeout() * 1_000_000L;
        boolean unreliable = !resp.getRequestTransaction().transport().reliable();
        schedule(s, d, resp, unreliable ? t.t1() : t.timeout(), deadline, unreliable, t);
    }

    private void schedule(SipSessionImpl s, DialogState d, SipServletResponseImpl resp, long interval, long deadline,
                          boolean unreliable, TimerSettings t) {
        ua.rt.timers().schedule(() -> s.parent().executor().execute(() -> {
            if (!d.unackedOut.contains(resp) || !s.isValid()) {
                return;
            }
            if (System.nanoTime() - deadline >= 0) {
                d.unackedOut.remove(resp);
                noAck(s, resp);
                return;
            }
            if (unreliable) {
                try {
                    resp.getRequestTransaction().sendResponse(resp.jainResponse());
                } catch (IllegalStateException e) {
                    LOG.debug("2xx not repeated: {}", e.getMessage());
                }
            }
            long next = unreliable ? Math.min(interval * 2, t.t2()) : t.timeout();
            schedule(s, d, resp, next, deadline, unreliable, t);
        }), interval);
    }

    /** No ACK for a 2xx within 64*T1: the application hears of it, and the dialog ends with a BYE. */
    private void noAck(SipSessionImpl s, SipServletResponseImpl resp) {
        SipErrorEvent e = new SipErrorEvent(resp.getRequest(), resp);
        for (SipErrorListener l : s.parent().app().listeners(SipErrorListener.class)) {
            try {
                l.noAckReceived(e);
            } catch (RuntimeException ex) {
                LOG.warn("noAckReceived listener failed", ex);
            }
        }
        if (s.isValid() && s.getState() == SipSession.State.CONFIRMED && s.dialog().pendingOut.isEmpty()) {
            try {
                ua.send(ua.inDialogRequest(s, "BYE"));
            } catch (IOException | RuntimeException ex) {
                LOG.debug("BYE after missing ACK not sent: {}", ex.toString());
                ua.terminate(s);
            }
        }
    }

    /**
     * A request received inside a user-agent dialog: RFC 3261 §12.2.2 checks, target refresh, then
     * the handler servlet. Runs on the application session's executor.
     */
    public void onRequest(SipSessionImpl s, ServerTransaction st) {
        SIPRequest r = st.request();
        DialogState d = s.dialog();
        long cseq = r.getCSeq().getSeqNumber();
        String method = r.getMethod();
        if (!s.isValid() || s.getState() == SipSession.State.TERMINATED) {
            respond(st, 481, "Call/Transaction Does Not Exist");
            return;
        }
        if (d.remoteCSeq >= 0 && cseq <= d.remoteCSeq) {
            respond(st, 500, "Server Internal Error - CSeq " + cseq + " is not above " + d.remoteCSeq);
            return;
        }
        d.remoteCSeq = cseq;
        if (method.equals("PRACK") && !ua.reliable.onPrack(d, r)) {
            respond(st, 481, "Call/Transaction Does Not Exist - no reliable provisional response matches RAck");
            return;
        }
        if (Messages.refreshesTarget(method)) {
            d.refreshTarget(r);
        }
        SipServletRequestImpl req = new SipServletRequestImpl(st, s);
        req.setUserAgent(ua);
        st.setApplicationData(req);
        d.pendingIn.add(req);
        ua.invoker.request(s, req);
    }

    /** An ACK for a 2xx this session sent: stops the retransmissions, then doAck (once). */
    public void onAck(SipSessionImpl s, SipServletRequestImpl ack) {
        DialogState d = s.dialog();
        long cseq = ack.jainRequest().getCSeq().getSeqNumber();
        SipServletResponseImpl acked = null;
        for (SipServletResponseImpl r : d.unackedOut) {
            if (r.jainResponse().getCSeq().getSeqNumber() == cseq) {
                acked = r;
                break;
            }
        }
        if (acked == null) {
            return; // a repeated ACK
        }
        d.unackedOut.remove(acked);
        ack.setAcknowledged(acked);
        ack.setUserAgent(ua);
        ua.invoker.request(s, ack);
    }

    static void respond(ServerTransaction st, int status, String reason) {
        try {
            if (st.lastStatus() < 200) {
                st.sendResponse(st.createResponse(status, reason));
            }
        } catch (IllegalStateException ignored) {
            // answered meanwhile
        }
    }
}
