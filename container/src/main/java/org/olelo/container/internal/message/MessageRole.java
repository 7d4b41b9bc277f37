package org.olelo.container.internal.message;

import jakarta.servlet.sip.B2buaHelper;
import jakarta.servlet.sip.InviteBranch;
import jakarta.servlet.sip.Proxy;
import jakarta.servlet.sip.Rel100Exception;
import jakarta.servlet.sip.SipServletRequest;
import jakarta.servlet.sip.TooManyHopsException;
import java.io.IOException;
import java.util.function.BiFunction;

/**
 * What a message asks of its session's role: the requests and responses of a session that proxies,
 * acts as a user agent or as a B2BUA leg behave differently, and the message delegates everything
 * that depends on that to the role instead of knowing the proxy or user-agent classes. The
 * defaults are those of a message no role answers for (a request the container relays without an
 * application); {@link #NONE} is that role.
 *
 * <p>Called on the application session's executor, like the message methods that delegate here.
 */
public interface MessageRole {

    /** The role of messages without a session. */
    MessageRole NONE = new MessageRole() {
    };

    /**
     * Creates the proxy of a received initial request the application proxies; the session then
     * plays the proxy role. Called once per request, after the message's own checks.
     */
    default Proxy proxy(SipServletRequestImpl request) throws TooManyHopsException {
        throw new IllegalStateException("this request cannot be proxied by the application");
    }

    /** The B2BUA helper of a request (SipServletRequest.getB2buaHelper). */
    default B2buaHelper b2buaHelper(SipServletRequestImpl request) {
        throw new IllegalStateException("no user agent for this request");
    }

    /** Sends a request the application created (SipServletRequest.send). */
    default void send(SipServletRequestImpl request) throws IOException {
        throw new IllegalStateException("this request cannot be sent by the application");
    }

    /** SipServletRequest.createInviteBranch. */
    default InviteBranch createInviteBranch(SipServletRequestImpl request) {
        throw new IllegalStateException("invite branches are created for a received initial INVITE");
    }

    /**
     * Answers the digest challenges of {@code challenge} on {@code request} (addAuthHeader).
     *
     * @param credentials (realm, status) to {user, password}, or null for none
     */
    default void authorize(SipServletRequestImpl request, SipServletResponseImpl challenge,
                           BiFunction<String, Integer, String[]> credentials) {
        throw new IllegalStateException("no user agent for this request");
    }

    /** Sends a response the application created for a received request (SipServletResponse.send). */
    default void send(SipServletResponseImpl response) {
        response.transmit();
    }

    /** SipServletResponse.sendReliably. */
    default void sendReliably(SipServletResponseImpl response) throws Rel100Exception {
        throw new IllegalStateException("only a response the application answers with can be sent reliably");
    }

    /** SipServletResponse.createAck, once the response was checked to be a 2xx received to an INVITE. */
    default SipServletRequest createAck(SipServletResponseImpl response) {
        throw new IllegalStateException("ACK is created only for a 2xx response received to an INVITE");
    }

    /** SipServletResponse.createPrack for a received response. */
    default SipServletRequest createPrack(SipServletResponseImpl response) throws Rel100Exception {
        throw new IllegalStateException("PRACK is created only for a reliable provisional response received");
    }

    /** SipServletResponse.getInviteBranch for a response to an INVITE, or null. */
    default InviteBranch inviteBranch(SipServletResponseImpl response) {
        return null;
    }
}
