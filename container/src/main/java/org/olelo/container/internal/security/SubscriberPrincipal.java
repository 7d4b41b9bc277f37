package org.olelo.container.internal.security;

import java.security.Principal;

/**
 * The identity of a request that passed digest authentication: what
 * {@code SipServletRequest.getUserPrincipal()} returns.
 *
 * <p>Immutable value; any thread.
 *
 * @param name  the user name the client authenticated with (also {@code getRemoteUser()})
 * @param realm the realm it authenticated in, which is the subscriber's domain
 */
public record SubscriberPrincipal(String name, String realm) implements Principal {

    /** @return the user name */
    @Override
    public String getName() {
        return name;
    }

    @Override
    public String toString() {
        return name + "@" + realm;
    }
}
