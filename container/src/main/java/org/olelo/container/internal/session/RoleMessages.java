package org.olelo.container.internal.session;

import jakarta.servlet.sip.SipServletRequest;
import jakarta.servlet.sip.SipServletResponse;
import jakarta.servlet.sip.UAMode;

/**
 * The look-ups of {@link SipSessionImpl} among the messages its {@link SessionRole} has in
 * progress: an active request by id, the active INVITE of one side, an unacknowledged reliable
 * provisional response by id. Each walks the role's (short) lists.
 *
 * <p>Runs on the caller's thread (the application's); reads what the role lists at that moment.
 */
final class RoleMessages {

    private RoleMessages() {
    }

    /** The active request with this id, on either side, or null. */
    static SipServletRequest activeRequest(SessionRole role, String requestId) {
        for (UAMode m : UAMode.values()) {
            for (SipServletRequest r : role.activeRequests(m)) {
                if (r.getId().equals(requestId)) {
                    return r;
                }
            }
        }
        return null;
    }

    /** The active INVITE of one side, or null. */
    static SipServletRequest activeInvite(SessionRole role, UAMode mode) {
        for (SipServletRequest r : role.activeRequests(mode)) {
            if (r.getMethod().equals("INVITE")) {
                return r;
            }
        }
        return null;
    }

    /** The unacknowledged reliable provisional response with this id, on either side, or null. */
    static SipServletResponse unacknowledgedProvisional(SessionRole role, String provisionalResponseId) {
        for (UAMode m : UAMode.values()) {
            for (SipServletResponse r : role.unacknowledgedProvisionals(m)) {
                if (provisionalResponseId.equals(r.getProvisionalResponseId())) {
                    return r;
                }
            }
        }
        return null;
    }
}
