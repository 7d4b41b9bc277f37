package org.olelo.container.internal.session;

import javax.sip.address.Address;
import javax.sip.address.SipURI;

/**
 * Who a call's dialog is between, as the dialog tracking and the accounting record it: the Call-ID,
 * the caller (From) and the callee (To) with their tags, and whether the dialog is proxied (a
 * record-routing proxy application) rather than owned by an application's user agent. Immutable;
 * any thread.
 *
 * @param callId   the Call-ID
 * @param fromUri  the caller's URI (From, without tag)
 * @param fromUser the user part of {@code fromUri}, or null when it has none
 * @param fromTag  the From tag
 * @param toUri    the callee's URI (To, without tag)
 * @param toUser   the user part of {@code toUri}, or null
 * @param toTag    the To tag, or null before a response carried one
 * @param proxied  true for a dialog a proxy application relays, false for one a user agent owns
 */
public record DialogParties(String callId, String fromUri, String fromUser, String fromTag, String toUri,
                            String toUser, String toTag, boolean proxied) {

    /** The parties of a dialog from the From and To addresses of the request that created it. */
    public static DialogParties of(String callId, Address from, String fromTag, Address to, String toTag, boolean proxied) {
        return new DialogParties(callId, uri(from), user(from), fromTag, uri(to), user(to), toTag, proxied);
    }

    private static String uri(Address a) {
        return a == null || a.getURI() == null ? null : a.getURI().toString();
    }

    private static String user(Address a) {
        return a != null && a.getURI() instanceof SipURI u ? u.getUser() : null;
    }
}
