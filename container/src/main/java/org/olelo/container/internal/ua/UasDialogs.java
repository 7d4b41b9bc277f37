package org.olelo.container.internal.ua;

import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import jakarta.servlet.sip.InviteBranch;
import jakarta.servlet.sip.SipErrorEvent;
import jakarta.servlet.sip.SipErrorListener;
import jakarta.servlet.sip.SipSession;
import jakarta.servlet.sip.UAMode;
import java.io.IOException;
import javax.sip.address.Address;
import javax.sip.header.ContactHeader;
import org.olelo.container.internal.message.SipServletRequestImpl;
import org.olelo.container.internal.message.SipServletResponseImpl;
import org.olelo.container.internal.session.SessionRole;
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
     * The user-agent role with dialog state of a session, created (from the initial request it
     * received) for a session whose application had not answered in a way that needed one.
     *
     * @throws IllegalStateException when the session does not act as a user agent
     */
    public UaRole role(SipSessionImpl s) {
        SessionRole r = s.role();
        if (r instanceof UaRole u) {
            return u;
        }
        if (!(r instanceof UndecidedRole undecided)) {
            throw new IllegalStateException("session " + s.getId() + " is not a user-agent session");
        }
        SipServletRequestImpl initial = undecided.receivedInitialRequest();
        SIPRequest req = initial.jainRequest();
        ServerTransaction st = initial.transaction();
        DialogState d = new DialogState(ua, UAMode.UAS, req.getCallId().getCallId(), st == null ? null : st.localTag());
        d.localAddress = (Address) req.getTo().getAddress().clone();
        d.remoteAddress = (Address) req.getFrom().getAddress().clone();
        d.remoteCSeq = req.getCSeq().getSeqNumber();
        d.transport = initial.getTransport();
        d.initialRequest = initial;
        if (!initial.finalResponseSent()) {
            d.pendingIn.add(initial);
        }
        UaRole u = new UaRole(ua, s, d);
        s.takeRole(u);
        return u;
    }

    /** The dialog state of a user-agent session, created on first use ({@link #role}). */
    public DialogState state(SipSessionImpl s) {
        return role(s).d;
    }

    /**
     * A UAS session derived from {@code uas} for another dialog with the same caller (a B2BUA
     * relaying a forked answer, an invite branch, a forking context's new dialog): same request,
     * new To tag.
     */
    public SipSessionImpl derive(SipSessionImpl uas) {
        DialogState o = state(uas);
        SipSessionImpl t = ua.rt.sessions().createSipSession(uas.parent(), o.callId);
        t.setHandlerInternal(uas.handler());
        DialogState d = new DialogState(ua, UAMode.UAS, o.callId, org.olelo.core.message.SipMessages.newTag());
        d.localAddress = o.localAddress;
        d.remoteAddress = o.remoteAddress;
        SIPRequest initial = o.initialRequest.jainRequest();
        d.remoteTag = initial.getFromTag();
        d.learnRouting(initial, false);
        d.remoteCSeq = o.remoteCSeq;
        d.transport = o.transport;
        d.initialRequest = o.initialRequest;
        d.derivedFrom = uas;
        t.takeRole(new UaRole(ua, t, d));
        t.setup(initial.getTo(), initial.getFrom(), uas.routing());
        ua.dialogs.put(d, t);
        forking(uas, o).added(t);
        d.forking = o.forking;
        if (o.initialRequest.getMethod().equals("INVITE")) {
            d.inviteBranch = new InviteBranchImpl(t, o.initialRequest, UAMode.UAS);
        }
        t.fireCreated();
        return t;
    }

    /** SipServletRequest.createInviteBranch: one more dialog for a received INVITE. */
    InviteBranch createInviteBranch(SipServletRequestImpl req) {
        if (!req.getMethod().equals("INVITE") || req.transaction() == null || !req.isInitial()) {
            throw new IllegalStateException("invite branches are created for a received initial INVITE");
        }
        if (req.finalResponseSent() && req.transaction().lastStatus() >= 300) {
            throw new IllegalStateException("the INVITE already has a final response");
        }
        SipSessionImpl s = SipSessionImpl.of(req);
        state(s);
        return UaRole.dialogOf(derive(s)).inviteBranch;
    }

    /** The forking context of an original session, created on first use. */
    static ForkingContextImpl forking(SipSessionImpl origin, DialogState d) {
        if (d.forking == null) {
            d.forking = new ForkingContextImpl(d.ua, origin);
        }
        return d.forking;
    }

    /**
     * Sends a response the application created for a request its user-agent session received:
     * Contact and session timer first, the dialog registered before a dialog-creating answer leaves
     * (so that the peer's ACK or BYE finds it), then the session's state, 2xx retransmission and the
     * session timer once it is sent.
     */
    void send(SipServletResponseImpl resp, SipSessionImpl s) {
        SipServletRequestImpl req = (SipServletRequestImpl) resp.getRequest();
        beforeSend(resp, s);
        resp.echoRegisterPath();
        resp.transmit();
        int status = resp.getStatus();
        boolean bye = status >= 200 && status < 300 && !req.isInitial() && req.getMethod().equals("BYE");
        // a BYE ends the INVITE usage; the dialog lives on while a subscription does
        boolean keep = bye && UaRole.dialogOf(s) != null && !ua.subscriptions.byeAnswered(UaRole.dialogOf(s));
        if (bye && !keep) {
            ua.dialogs.remove(s);
        }
        if (!keep) {
            s.answered(req, status);
        }
        if (s.isValid()) {
            afterSend(resp, s);
        }
    }

    private void beforeSend(SipServletResponseImpl resp, SipSessionImpl s) {
        SipServletRequestImpl req = (SipServletRequestImpl) resp.getRequest();
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
            DialogState d = state(s);
            if (d.remoteTag == null) {
                d.remoteTag = req.jainRequest().getFromTag();
                d.learnRouting(req.jainRequest(), false);
                ua.dialogs.put(d, s);
            }
        }
    }

    /** Dialog bookkeeping once a response the application created has been sent. */
    private void afterSend(SipServletResponseImpl resp, SipSessionImpl s) {
        SipServletRequestImpl req = (SipServletRequestImpl) resp.getRequest();
        int status = resp.getStatus();
        String method = req.getMethod();
        DialogState d = UaRole.dialogOf(s);
        if (d == null && !(req.isInitial() && Messages.createsDialog(method) && status > 100 && status < 300)) {
            return;
        }
        d = state(s);
        if (status >= 200) {
            d.pendingIn.remove(req);
            if (method.equals("INVITE") && req.isInitial()) {
                ((UaRole) s.role()).inviteBranch().finalResponse(resp);
            }
            if (ua.subscriptions.answered(s, d, req, status)) {
                ua.terminate(s);
                return;
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
        if (s.isValid() && s.getState() == SipSession.State.CONFIRMED && UaRole.dialogOf(s) != null
                && UaRole.dialogOf(s).pendingOut.isEmpty()) {
            try {
                ua.send(ua.inDialogRequest(s, "BYE"));
            } catch (IOException | RuntimeException ex) {
                LOG.debug("BYE after missing ACK not sent: {}", ex.toString());
                ua.terminate(s);
            }
        }
    }

    /**
     * A request received inside a user-agent dialog: RFC 3261 §12.2.2 and §14 checks
     * ({@link InviteOverlap}), target refresh, then the handler servlet. Runs on the application
     * session's executor, in the order the requests of the peer arrived.
     */
    public void onRequest(SipSessionImpl s, ServerTransaction st) {
        SIPRequest r = st.request();
        if (r == null) {
            return; // answered meanwhile (a CANCEL raced the request in)
        }
        DialogState d = UaRole.dialogOf(s);
        String method = r.getMethod();
        if (!s.isValid() || s.getState() == SipSession.State.TERMINATED || d == null) {
            respond(st, 481, "Call/Transaction Does Not Exist");
            return;
        }
        if (!ua.subscriptions.admits(s, d, r, st)) {
            return; // a NOTIFY for no subscription of the dialog, or from another party
        }
        if (InviteOverlap.refused(d, r, st)) {
            return; // out of CSeq order, or an INVITE that overlaps another (§12.2.2, §14)
        }
        d.remoteCSeq = r.getCSeq().getSeqNumber();
        if (method.equals("PRACK") && !ua.reliable.onPrack(d, r)) {
            respond(st, 481, "Call/Transaction Does Not Exist - no reliable provisional response matches RAck");
            return;
        }
        if (Messages.refreshesTarget(method)) {
            d.refreshTarget(r);
        }
        SipServletRequestImpl req = SipServletRequestImpl.received(st, r, s, false);
        st.setApplicationData(req);
        d.pendingIn.add(req);
        ua.invoker.request(s, req);
    }

    /** An ACK for a 2xx this session sent: stops the retransmissions, then doAck (once). */
    public void onAck(SipSessionImpl s, SipServletRequestImpl ack) {
        DialogState d = UaRole.dialogOf(s);
        if (d == null) {
            return; // the session proxies now
        }
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
        ack.acknowledging(acked);
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
