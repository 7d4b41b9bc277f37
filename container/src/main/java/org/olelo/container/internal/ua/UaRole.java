package org.olelo.container.internal.ua;

import jakarta.servlet.sip.AutomaticProcessingListener;
import jakarta.servlet.sip.ForkingContext;
import jakarta.servlet.sip.InviteBranch;
import jakarta.servlet.sip.Proxy;
import jakarta.servlet.sip.SessionKeepAlive;
import jakarta.servlet.sip.SipServletRequest;
import jakarta.servlet.sip.SipServletResponse;
import jakarta.servlet.sip.SipSession;
import jakarta.servlet.sip.UAMode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.olelo.container.internal.message.SipServletRequestImpl;
import org.olelo.container.internal.message.SipServletResponseImpl;
import org.olelo.container.internal.session.SipSessionImpl;

/**
 * The role of a session acting as a user agent, client or server, with its dialog state
 * ({@link DialogState}): requests created and sent in the dialog, answers, ACK and PRACK, the
 * active requests and unacknowledged responses, the session timer, invite branches and forking
 * contexts, and ending the dialog on the application's behalf. Runs on the application session's
 * executor.
 */
public class UaRole extends UserAgentRole {

    final DialogState d;

    UaRole(UserAgent ua, SipSessionImpl session, DialogState d) {
        super(ua, session);
        this.d = d;
    }

    /** The dialog state of a session that acts as a user agent with one, or null. */
    public static DialogState dialogOf(SipSessionImpl s) {
        return s.role() instanceof UaRole r ? r.d : null;
    }

    /** The dialog state. */
    public DialogState dialog() {
        return d;
    }

    @Override
    public SipServletRequestImpl receivedInitialRequest() {
        return d.mode == UAMode.UAS ? d.initialRequest : null;
    }

    @Override
    public Proxy proxy(SipServletRequestImpl request) {
        if (request != d.initialRequest) {
            throw new IllegalStateException("only the initial request the session received can be proxied");
        }
        Proxy p = ua.proxies.start(request, session);
        ua.dialogs.remove(d, session); // the session proxies now: its early answer's dialog is no longer ours
        return p;
    }

    @Override
    public void send(SipServletRequestImpl request) throws IOException {
        ua.send(request);
    }

    @Override
    public InviteBranch createInviteBranch(SipServletRequestImpl request) {
        return ua.uas.createInviteBranch(request);
    }

    @Override
    public SipServletRequest createAck(SipServletResponseImpl response) {
        return ua.createAck(response);
    }

    @Override
    public SipServletRequest createPrack(SipServletResponseImpl response) throws jakarta.servlet.sip.Rel100Exception {
        return ua.reliable.createPrack(response);
    }

    @Override
    public InviteBranch inviteBranch(SipServletResponseImpl response) {
        return inviteBranch();
    }

    @Override
    public SipServletRequest createRequest(String method) {
        return ua.inDialogRequest(session, method);
    }

    /** SipSession.getForkingContext: the sessions of the request that created this one's dialog. */
    @Override
    public ForkingContext forkingContext() {
        SipSessionImpl origin = d.derivedFrom != null ? d.derivedFrom : session;
        return UasDialogs.forking(origin, ua.uas.state(origin));
    }

    /** The invite branch of the session's INVITE dialog, active or not; null for other dialogs. */
    InviteBranchImpl inviteBranch() {
        if (d.initialRequest == null || !d.initialRequest.getMethod().equals("INVITE")) {
            return null;
        }
        if (d.inviteBranch == null) {
            d.inviteBranch = new InviteBranchImpl(session, d.initialRequest, d.mode);
        }
        return d.inviteBranch;
    }

    @Override
    public InviteBranch activeInviteBranch() {
        InviteBranchImpl b = inviteBranch();
        return b != null && (b.getFinalResponse() == null || !d.unackedOut.isEmpty() || !d.unackedIn.isEmpty()) ? b : null;
    }

    @Override
    public SessionKeepAlive keepAlive() {
        return d.keepAlive;
    }

    @Override
    public Collection<SipServletRequest> activeRequests(UAMode mode) {
        List<SipServletRequest> out = new ArrayList<>();
        if (mode == UAMode.UAS) {
            for (SipServletRequestImpl r : d.pendingIn) {
                if (!r.finalResponseSent()) {
                    out.add(r);
                }
            }
        } else {
            out.addAll(d.pendingOut);
        }
        return out;
    }

    @Override
    public Collection<SipServletResponse> unacknowledgedProvisionals(UAMode mode) {
        List<SipServletResponse> out = new ArrayList<>();
        if (mode == UAMode.UAS) {
            d.unacknowledgedProvisionals.forEach(rr -> out.add(rr.response));
        } else {
            out.addAll(d.reliableIn);
        }
        return out;
    }

    /**
     * SipSession.terminateDialog: ends the dialog as the RFCs want for its state: CANCEL for an INVITE
     * still ringing out, an error for one still ringing in, ACK for unacknowledged 2xx responses, and
     * for a confirmed dialog the end of each usage: a terminating NOTIFY or an unsubscribing
     * SUBSCRIBE per subscription ({@link SubscriptionDialogs#terminate}), BYE for the call. The
     * listener sees what the container sends and receives.
     */
    @Override
    public void terminateDialog(AutomaticProcessingListener listener) {
        checkTerminable();
        try {
            for (SipServletRequestImpl out : List.copyOf(d.pendingOut)) {
                if (out.getMethod().equals("INVITE") && out.clientTransaction() != null) {
                    SipServletRequestImpl cancel = (SipServletRequestImpl) out.createCancel();
                    cancel.send();
                    notify(listener, cancel);
                }
            }
            for (SipServletRequestImpl in : List.copyOf(d.pendingIn)) {
                if (!in.finalResponseSent() && in.transaction() != null) {
                    SipServletResponseImpl r = (SipServletResponseImpl) in.createResponse(487, "Request Terminated");
                    r.send();
                    if (listener != null) {
                        listener.outgoingResponse(r);
                    }
                }
            }
            for (SipServletResponseImpl ok : List.copyOf(d.unackedIn)) {
                SipServletRequestImpl ack = (SipServletRequestImpl) ok.createAck();
                ack.send();
                notify(listener, ack);
            }
            if (session.getState() == SipSession.State.CONFIRMED) {
                boolean notifying = ua.subscriptions.terminate(session, d, listener);
                if (d.usages().invite()) {
                    SipServletRequestImpl bye = ua.inDialogRequest(session, "BYE");
                    d.automatic(bye, listener == null ? AUTOMATIC : listener);
                    ua.send(bye);
                    notify(listener, bye);
                } else if (!notifying) {
                    ua.terminate(session);
                }
            } else if (d.pendingOut.isEmpty()) {
                ua.terminate(session);
            }
        } catch (IOException e) {
            ua.terminate(session);
        }
    }

    static void notify(AutomaticProcessingListener l, SipServletRequest r) {
        if (l != null) {
            l.outgoingRequest(r);
        }
    }

    @Override
    public boolean hangUp() {
        if (!d.isInvite()) {
            return false;
        }
        terminateDialog(null);
        return true;
    }

    @Override
    public org.olelo.container.internal.session.DialogParties dialogParties() {
        if (!d.isInvite()) {
            return null;
        }
        boolean uac = d.mode == UAMode.UAC;
        return org.olelo.container.internal.session.DialogParties.of(d.callId,
                uac ? d.localAddress : d.remoteAddress, uac ? d.localTag : d.remoteTag,
                uac ? d.remoteAddress : d.localAddress, uac ? d.remoteTag : d.localTag, false);
    }

    @Override
    public void invalidated() {
        ua.dialogs.remove(d, session);
    }

    /** Listener for container-initiated requests whose outcome nobody watches. */
    static final AutomaticProcessingListener AUTOMATIC = new AutomaticProcessingListener() {
        @Override
        public void outgoingRequest(SipServletRequest request) {
        }

        @Override
        public void outgoingResponse(SipServletResponse response) {
        }

        @Override
        public void incomingRequest(SipServletRequest request) {
        }

        @Override
        public void incomingResponse(SipServletResponse response) {
        }
    };
}
