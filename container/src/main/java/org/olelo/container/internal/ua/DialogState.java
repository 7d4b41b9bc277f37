package org.olelo.container.internal.ua;

import gov.nist.javax.sip.header.RecordRoute;
import gov.nist.javax.sip.header.RecordRouteList;
import gov.nist.javax.sip.message.SIPMessage;
import jakarta.servlet.sip.AutomaticProcessingListener;
import jakarta.servlet.sip.UAMode;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import javax.sip.address.Address;
import javax.sip.address.URI;
import javax.sip.header.ContactHeader;
import org.olelo.container.internal.message.SipServletRequestImpl;
import org.olelo.container.internal.message.SipServletResponseImpl;
import org.olelo.container.internal.session.SipSessionImpl;
import org.olelo.container.internal.usage.DialogUsages;
import org.olelo.core.routing.Hop;

/**
 * What a SIP session acting as a user agent knows of its dialog (RFC 3261 §12): Call-ID, tags,
 * parties, remote target, route set and sequence numbers, plus the messages still in progress
 * (requests without a final response, 2xx responses without ACK, reliable provisionals without
 * PRACK).
 *
 * <p>Owned by the session's {@link UaRole}. Used only on the owning application session's executor, except the volatile fields read by
 * the dialog table and the response callbacks.
 */
public final class DialogState {

    final UserAgent ua;
    final UAMode mode;
    final String callId;
    final String localTag;
    volatile String remoteTag;
    /** From (UAC) or To (UAS) of the initial request, without tag. */
    Address localAddress;
    /** To (UAC) or From (UAS) of the initial request, without tag. */
    Address remoteAddress;
    URI remoteTarget;
    /** The route set in the order requests carry it; null before the dialog exists. */
    List<Address> routeSet;
    long localCSeq;
    long remoteCSeq = -1;
    boolean secure;
    /** Transport that requests of this dialog prefer (the one the dialog started on). */
    String transport;
    /** The request that created the dialog (UAC: sent; UAS: received); null in a dialog restored from a copy. */
    SipServletRequestImpl initialRequest;
    /** A dialog restored from another node's copy ({@link DialogRestore}) that an INVITE created. */
    boolean restoredInvite;

    final List<SipServletRequestImpl> pendingIn = new ArrayList<>();
    final List<SipServletRequestImpl> pendingOut = new ArrayList<>();
    /** UAC: 2xx responses to INVITE received and not yet acknowledged. */
    final List<SipServletResponseImpl> unackedIn = new ArrayList<>();
    /** UAS: 2xx responses to INVITE sent and not yet acknowledged. */
    final List<SipServletResponseImpl> unackedOut = new ArrayList<>();
    /** UAC: reliable provisional responses received for which no PRACK was created yet. */
    final List<SipServletResponseImpl> reliableIn = new ArrayList<>();
    /** UAS: reliable provisional responses not yet acknowledged by PRACK. */
    final List<ReliableResponse> unacknowledgedProvisionals = new ArrayList<>();

    /** UAC: the ACK sent for the last 2xx, repeated when that 2xx is retransmitted. */
    byte[] lastAck;
    Hop lastAckHop;
    long lastAckCSeq = -1;
    /** UAC: the highest RSeq seen from the peer in this dialog (RFC 3262 §4). */
    long lastRSeq = -1;
    /** UAS: the next RSeq to use. */
    long nextRSeq = 1 + (long) (Math.random() * 10_000);
    SessionKeepAliveImpl keepAlive;
    /** The sessions of the same dialog-creating request (shared by the original and derived ones). */
    ForkingContextImpl forking;
    /** The invite branch this session is, for INVITE dialogs. */
    InviteBranchImpl inviteBranch;
    /** The session this one was derived from by a forked response or another invite branch, or null. */
    SipSessionImpl derivedFrom;
    /** The usages of the dialog (INVITE, subscriptions), made on first use; see {@link #usages()}. */
    private DialogUsages usages;
    /** Requests the container sent on the application's behalf (terminateDialog), and who hears of their responses. */
    private List<SipServletRequestImpl> automaticRequests;
    private AutomaticProcessingListener automaticListener;

    DialogState(UserAgent ua, UAMode mode, String callId, String localTag) {
        this.ua = ua;
        this.mode = mode;
        this.callId = callId;
        this.localTag = localTag;
    }

    /** The user agent this dialog belongs to. */
    public UserAgent userAgent() {
        return ua;
    }

    /** The invite branch of this dialog, or null. */
    public InviteBranchImpl inviteBranch() {
        return inviteBranch;
    }

    /** True when an INVITE created this dialog (a call, which BYE ends). */
    public boolean isInvite() {
        return initialRequest != null ? initialRequest.getMethod().equals("INVITE") : restoredInvite;
    }

    /** The mode the session acts in. */
    public UAMode mode() {
        return mode;
    }

    /** The Call-ID. */
    public String callId() {
        return callId;
    }

    /** Our tag. */
    public String localTag() {
        return localTag;
    }

    /** The peer's tag, or null before a response or request carried it. */
    public String remoteTag() {
        return remoteTag;
    }

    /**
     * The usages this dialog carries, made on first use: an INVITE dialog starts with its INVITE
     * usage, any other with none.
     */
    DialogUsages usages() {
        if (usages == null) {
            usages = new DialogUsages(isInvite());
        }
        return usages;
    }

    /**
     * True when a BYE ends the dialog: it carries no subscription (checked without making the
     * usages of a plain call). Ends the INVITE usage, and with it the session timer.
     */
    boolean byeEnds() {
        if (keepAlive != null) {
            keepAlive.stop();
        }
        return usages == null || usages.inviteEnded();
    }

    /** Records a request the container sends on the application's behalf, whose responses go to {@code l}. */
    void automatic(SipServletRequestImpl r, AutomaticProcessingListener l) {
        if (automaticRequests == null) {
            automaticRequests = new ArrayList<>(2);
        }
        automaticRequests.add(r);
        automaticListener = l;
    }

    /** Who hears of the responses to {@code r}, when the container sent it on its own; else null. */
    AutomaticProcessingListener automaticFor(SipServletRequestImpl r) {
        return automaticRequests != null && automaticRequests.contains(r) ? automaticListener : null;
    }

    /** True once the dialog exists (early or confirmed). */
    public boolean established() {
        return remoteTag != null && routeSet != null;
    }

    /** A copy of this state for a session derived from the same request by a forked response. */
    DialogState deriveCopy() {
        DialogState d = new DialogState(ua, mode, callId, localTag);
        d.localAddress = localAddress;
        d.remoteAddress = remoteAddress;
        d.localCSeq = localCSeq;
        d.secure = secure;
        d.transport = transport;
        d.initialRequest = initialRequest;
        d.forking = forking;
        return d;
    }

    /**
     * Sets remote target and route set from a message that creates or refreshes the dialog.
     *
     * @param reverse true for responses at the UAC, whose Record-Route is in reverse order
     */
    void learnRouting(SIPMessage m, boolean reverse) {
        List<Address> routes = new ArrayList<>();
        RecordRouteList rr = m.getRecordRouteHeaders();
        if (rr != null) {
            ListIterator<?> it = rr.listIterator();
            while (it.hasNext()) {
                routes.add((Address) ((RecordRoute) it.next()).getAddress().clone());
            }
        }
        if (reverse) {
            java.util.Collections.reverse(routes);
        }
        routeSet = routes;
        refreshTarget(m);
    }

    /** Takes the remote target from the message's Contact, if it has one (a target refresh). */
    void refreshTarget(SIPMessage m) {
        ContactHeader c = (ContactHeader) m.getHeader(ContactHeader.NAME);
        if (c != null && c.getAddress() != null && c.getAddress().getURI() != null) {
            remoteTarget = (URI) c.getAddress().getURI().clone();
        }
    }
}
