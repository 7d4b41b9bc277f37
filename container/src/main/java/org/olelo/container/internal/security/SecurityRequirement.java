package org.olelo.container.internal.security;

import java.util.Set;

/**
 * What the security constraints of an application demand of one request.
 *
 * <p>Immutable value; any thread.
 *
 * @param kind  none, refuse everyone, or authenticate
 * @param roles for {@link Kind#AUTHENTICATE}: the roles of which the user must hold one; empty
 *              means any authenticated user
 * @param proxy for {@link Kind#AUTHENTICATE}: challenge as a proxy (407, {@code Proxy-Authorization})
 */
record SecurityRequirement(Kind kind, Set<String> roles, boolean proxy) {

    /** The kinds of requirement. */
    enum Kind {
        /** No constraint applies. */
        NONE,
        /** A constraint with an empty role list applies: nobody may send this request. */
        DENY,
        /** The sender must authenticate, and hold one of the roles if any are named. */
        AUTHENTICATE
    }

    static final SecurityRequirement NONE = new SecurityRequirement(Kind.NONE, Set.of(), false);
    static final SecurityRequirement DENY = new SecurityRequirement(Kind.DENY, Set.of(), false);

    /** Freezes the roles. */
    SecurityRequirement {
        roles = Set.copyOf(roles);
    }
}
