package org.olelo.container.internal.session;

import jakarta.servlet.sip.AutomaticProcessingListener;
import jakarta.servlet.sip.ForkingContext;
import jakarta.servlet.sip.InviteBranch;
import jakarta.servlet.sip.SessionKeepAlive;
import jakarta.servlet.sip.SipServletRequest;
import jakarta.servlet.sip.SipServletResponse;
import jakarta.servlet.sip.UAMode;
import java.util.Collection;
import java.util.List;
import org.olelo.container.internal.message.MessageRole;

/**
 * The role a SIP session plays, one at a time: a session that received an initial request its
 * application has not yet proxied nor answered, a user agent (UAC or UAS) with its dialog, a B2BUA
 * leg linked to another, or a proxy. It owns what that role keeps (dialog state, the proxied
 * dialog) and answers both the session's API ({@code createRequest}, {@code terminateDialog}...)
 * and its messages ({@link MessageRole}). The roles live above this package (user agent, proxy);
 * a session changes role through {@link SipSessionImpl#takeRole}.
 *
 * <p>The defaults are those of a session that is not a user agent. Called on the application
 * session's executor.
 */
public interface SessionRole extends MessageRole {

    /** SipSession.createRequest. */
    default SipServletRequest createRequest(String method) {
        throw new IllegalStateException("the session is not a user-agent session");
    }

    /** SipSession.getForkingContext. */
    default ForkingContext forkingContext() {
        throw new IllegalStateException("the session is not a user-agent session");
    }

    /** SipSession.getActiveInviteBranch, or null. */
    default InviteBranch activeInviteBranch() {
        return null;
    }

    /** SipSession.getKeepAlive: the negotiated session timer, or null. */
    default SessionKeepAlive keepAlive() {
        return null;
    }

    /** Requests of the session still waiting for a final response, in one mode. */
    default Collection<SipServletRequest> activeRequests(UAMode mode) {
        return List.of();
    }

    /** Reliable provisional responses without PRACK: sent (UAS) or received (UAC). */
    default Collection<SipServletResponse> unacknowledgedProvisionals(UAMode mode) {
        return List.of();
    }

    /** SipSession.terminateDialog. */
    default void terminateDialog(AutomaticProcessingListener listener) {
        throw new IllegalStateException("the session is not a user-agent session");
    }

    /**
     * SipSession.terminateProxiedDialog.
     *
     * @param mode {@link UAMode#UAC} for the caller, {@link UAMode#UAS} for the callee, null for both
     */
    default void terminateProxiedDialog(UAMode mode, AutomaticProcessingListener listener) {
        throw new IllegalStateException("session is invalid or does not proxy a dialog");
    }

    /**
     * Ends the session's call in SIP the way the role does (BYE, CANCEL or an error response), for
     * a server that drains or stops.
     *
     * @return false when the role holds no call it can end this way (nothing was sent)
     */
    default boolean hangUp() {
        return false;
    }

    /**
     * The parties of the INVITE dialog the role keeps, for dialog tracking and accounting; null
     * when the role keeps none worth tracking (no call, or a proxy that does not record-route).
     */
    default DialogParties dialogParties() {
        return null;
    }

    /** The session of the other leg of a back-to-back user agent, or null. */
    default SipSessionImpl linkedLeg() {
        return null;
    }

    /** The session was invalidated: the role lets go of what it registered (its dialog in the table). */
    default void invalidated() {
    }

    /** The role of a session before its creator gave it one. */
    SessionRole NONE = new SessionRole() {
    };
}
