package org.olelo.container.internal.ua;

import jakarta.servlet.sip.AutomaticProcessingListener;
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
 * The dialog side of {@link SipSession} for user-agent sessions: creating requests in the dialog,
 * the active requests and unacknowledged responses, the session timer, and ending the dialog on
 * the application's behalf. Runs on the application session's executor.
 */
public final class SessionDialogs {

    private SessionDialogs() {
    }

    private static UserAgent ua(SipSessionImpl s) {
        DialogState d = s.dialog();
        if (d != null) {
            return d.ua;
        }
        SipServletRequestImpl initial = s.initialRequest();
        if (initial == null || initial.userAgent() == null || s.isProxy()) {
            throw new IllegalStateException("session " + s.getId() + " is not a user-agent session");
        }
        return initial.userAgent();
    }

    /** SipSession.createRequest. */
    public static SipServletRequest createRequest(SipSessionImpl s, String method) {
        UserAgent ua = ua(s);
        if (s.dialog() == null) {
            ua.uas.state(s, s.initialRequest());
        }
        return ua.inDialogRequest(s, method);
    }

    /** SipSession.getForkingContext: the sessions of the request that created this one's dialog. */
    public static jakarta.servlet.sip.ForkingContext forkingContext(SipSessionImpl s) {
        UserAgent ua = ua(s);
        SipSessionImpl origin = s.derivedFrom() != null ? s.derivedFrom() : s;
        DialogState d = origin.dialog() != null ? origin.dialog() : ua.uas.state(origin, origin.initialRequest());
        return UasDialogs.forking(origin, d);
    }

    /** SipSession.getActiveInviteBranch: the invite branch of the session's INVITE still in progress. */
    public static jakarta.servlet.sip.InviteBranch activeInviteBranch(SipSessionImpl s) {
        DialogState d = s.dialog();
        if (d == null || d.initialRequest == null || !d.initialRequest.getMethod().equals("INVITE")) {
            return null;
        }
        if (d.inviteBranch == null) {
            d.inviteBranch = new InviteBranchImpl(s, d.initialRequest, d.mode);
        }
        return d.inviteBranch.getFinalResponse() == null || !d.unackedOut.isEmpty() || !d.unackedIn.isEmpty()
                ? d.inviteBranch : null;
    }

    /** The invite branch of a session's INVITE dialog, active or not (SipServletResponse.getInviteBranch). */
    public static jakarta.servlet.sip.InviteBranch activeInviteBranchOrAny(SipSessionImpl s) {
        DialogState d = s.dialog();
        if (d == null || d.initialRequest == null || !d.initialRequest.getMethod().equals("INVITE")) {
            return null;
        }
        if (d.inviteBranch == null) {
            d.inviteBranch = new InviteBranchImpl(s, d.initialRequest, d.mode);
        }
        return d.inviteBranch;
    }

    /** SipServletRequest.createInviteBranch: one more dialog for a received INVITE. */
    public static jakarta.servlet.sip.InviteBranch createInviteBranch(SipServletRequestImpl req) {
        if (!req.getMethod().equals("INVITE") || req.transaction() == null || !req.isInitial()) {
            throw new IllegalStateException("invite branches are created for a received initial INVITE");
        }
        if (req.finalResponseSent() && req.transaction().lastStatus() >= 300) {
            throw new IllegalStateException("the INVITE already has a final response");
        }
        SipSessionImpl s = req.sessionImpl();
        UserAgent ua = req.userAgent();
        ua.uas.state(s, req);
        return ua.uas.derive(s).dialog().inviteBranch;
    }

    /** SipSession.getKeepAlive: the negotiated session timer, or null. */
    public static SessionKeepAlive keepAlive(SipSessionImpl s) {
        DialogState d = s.dialog();
        return d == null ? null : d.keepAlive;
    }

    /** Requests of the session still waiting for a final response, in one role. */
    public static Collection<SipServletRequest> activeRequests(SipSessionImpl s, UAMode mode) {
        DialogState d = s.dialog();
        List<SipServletRequest> out = new ArrayList<>();
        if (d == null) {
            SipServletRequestImpl initial = s.initialRequest();
            if (mode == UAMode.UAS && initial != null && !initial.finalResponseSent()) {
                out.add(initial);
            }
            return out;
        }
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

    /** A pending request by its id, in either role. */
    public static SipServletRequest activeRequest(SipSessionImpl s, String id) {
        for (UAMode m : UAMode.values()) {
            for (SipServletRequest r : activeRequests(s, m)) {
                if (r.getId().equals(id)) {
                    return r;
                }
            }
        }
        return null;
    }

    /** The pending INVITE in one role, or null. */
    public static SipServletRequest activeInvite(SipSessionImpl s, UAMode mode) {
        for (SipServletRequest r : activeRequests(s, mode)) {
            if (r.getMethod().equals("INVITE")) {
                return r;
            }
        }
        return null;
    }

    /** Reliable provisional responses without PRACK: sent (UAS) or received (UAC). */
    public static Collection<SipServletResponse> unacknowledgedProvisionals(SipSessionImpl s, UAMode mode) {
        DialogState d = s.dialog();
        if (d == null) {
            return List.of();
        }
        List<SipServletResponse> out = new ArrayList<>();
        if (mode == UAMode.UAS) {
            d.unacknowledgedProvisionals.forEach(rr -> out.add(rr.response));
        } else {
            out.addAll(d.reliableIn);
        }
        return out;
    }

    /** One unacknowledged reliable provisional response by its id. */
    public static SipServletResponse unacknowledgedProvisional(SipSessionImpl s, String id) {
        for (UAMode m : UAMode.values()) {
            for (SipServletResponse r : unacknowledgedProvisionals(s, m)) {
                if (id.equals(r.getProvisionalResponseId())) {
                    return r;
                }
            }
        }
        return null;
    }

    /**
     * SipSession.terminateDialog: ends the dialog as the RFCs want for its state: CANCEL for an INVITE
     * still ringing out, an error for one still ringing in, ACK for unacknowledged 2xx responses and
     * BYE for a confirmed dialog. The listener sees what the container sends and receives.
     */
    public static void terminateDialog(SipSessionImpl s, AutomaticProcessingListener listener) {
        if (s.isProxy()) {
            throw new IllegalStateException("a proxy session is ended with terminateProxiedDialog");
        }
        if (!s.isValid() || s.getState() == SipSession.State.TERMINATED) {
            throw new IllegalStateException("the session is already terminated or invalidated");
        }
        UserAgent ua = ua(s);
        DialogState d = s.dialog() != null ? s.dialog() : ua.uas.state(s, s.initialRequest());
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
            if (s.getState() == SipSession.State.CONFIRMED) {
                SipServletRequestImpl bye = ua.inDialogRequest(s, "BYE");
                bye.setAutomatic(listener == null ? AUTOMATIC : listener);
                ua.send(bye);
                notify(listener, bye);
            } else if (d.pendingOut.isEmpty()) {
                ua.terminate(s);
            }
        } catch (IOException e) {
            ua.terminate(s);
        }
    }

    private static void notify(AutomaticProcessingListener l, SipServletRequest r) {
        if (l != null) {
            l.outgoingRequest(r);
        }
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
