package org.olelo.container.internal.security;

import java.util.List;

/**
 * The outcome of checking the credentials of one request.
 *
 * <p>Immutable values; any thread.
 */
sealed interface Decision {

    /**
     * The request is authenticated.
     *
     * @param username the user name
     * @param roles    the subscriber's roles
     */
    record Pass(String username, List<String> roles) implements Decision {
        /** Freezes the roles. */
        public Pass {
            roles = List.copyOf(roles);
        }
    }

    /**
     * The request is answered with a challenge (401 or 407) carrying a fresh nonce.
     *
     * @param stale       true when the credentials were right but our nonce had expired
     * @param delayMillis how long to hold the answer back (a failing attempt for a user who keeps
     *                    failing), 0 for none
     */
    record Challenge(boolean stale, long delayMillis) implements Decision {
        /** A challenge answered at once. */
        Challenge(boolean stale) {
            this(stale, 0);
        }
    }

    /**
     * The request is refused without a challenge.
     *
     * @param status the status code (400, 403, 500)
     * @param reason the reason phrase
     */
    record Refuse(int status, String reason) implements Decision {
    }
}
