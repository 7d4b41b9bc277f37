package org.olelo.apps.registrar.spi;

import java.util.Optional;

/**
 * Tells whether a user is a provisioned subscriber of a domain, so that the location service can
 * answer 480 (a known user who is not registered now) rather than 404 (no such user).
 *
 * <p>Implementations are safe for concurrent use from any thread and may block on I/O.
 */
public interface SubscriberDirectory {

    /** A directory that knows nobody: every answer is "cannot tell". */
    SubscriberDirectory NONE = (user, domain) -> Optional.empty();

    /**
     * @param user   the user part, as in the Request-URI (case kept)
     * @param domain the domain, lower case
     * @return true or false when the directory can tell, empty when it cannot (no subscriber
     *         table, database unreachable)
     */
    Optional<Boolean> isSubscriber(String user, String domain);
}
