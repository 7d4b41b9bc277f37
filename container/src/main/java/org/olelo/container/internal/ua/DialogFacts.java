package org.olelo.container.internal.ua;

import jakarta.servlet.sip.UAMode;
import java.util.ArrayList;
import java.util.List;
import javax.sip.address.Address;
import org.olelo.container.internal.session.SipSessionImpl;

/**
 * The dialog state a user agent needs to go on in a confirmed dialog on another node (RFC 3261
 * §12): the mode, Call-ID, tags, the local and remote URIs (with display names), the remote target,
 * the route set, both sequence numbers, the secure flag and the transport the dialog started on.
 * Addresses and URIs are kept as text. What is in progress (transactions, unacknowledged 2xx,
 * reliable provisionals) is not: it belongs to the node that runs it.
 *
 * @param mode          {@code UAC} or {@code UAS}
 * @param callId        the Call-ID
 * @param localTag      our tag
 * @param remoteTag     the peer's tag
 * @param localAddress  our address, without tag
 * @param remoteAddress the peer's address, without tag
 * @param remoteTarget  the peer's Contact URI
 * @param routeSet      the route set in the order requests carry it
 * @param localCSeq     the sequence number of our last request
 * @param remoteCSeq    the sequence number of the peer's last request, -1 when none came
 * @param secure        whether the dialog is secure (sips)
 * @param transport     the transport the dialog started on, or null
 * @param invite        whether an INVITE created the dialog (a call, which BYE ends)
 */
public record DialogFacts(String mode, String callId, String localTag, String remoteTag, String localAddress,
                          String remoteAddress, String remoteTarget, List<String> routeSet, long localCSeq,
                          long remoteCSeq, boolean secure, String transport, boolean invite) {

    /** Copies the route set. */
    public DialogFacts {
        routeSet = List.copyOf(routeSet);
    }

    /**
     * On the session's executor.
     *
     * @return the facts of the established dialog of a user-agent session, or null when the session
     *         is not a user agent or its dialog does not exist yet
     */
    public static DialogFacts of(SipSessionImpl s) {
        DialogState d = UaRole.dialogOf(s);
        if (d == null || !d.established() || d.remoteTarget == null) {
            return null;
        }
        List<String> routes = new ArrayList<>(d.routeSet.size());
        for (Address a : d.routeSet) {
            routes.add(a.toString());
        }
        return new DialogFacts(d.mode == UAMode.UAC ? "UAC" : "UAS", d.callId, d.localTag, d.remoteTag,
                text(d.localAddress), text(d.remoteAddress), d.remoteTarget.toString(), routes, d.localCSeq,
                d.remoteCSeq, d.secure, d.transport, d.isInvite());
    }

    private static String text(Address a) {
        return a == null ? null : a.toString();
    }
}
