package org.olelo.apps.registrar.service;

import java.util.List;

/** What the location service found for the Request-URI of a request to route. */
public sealed interface LookupResult {

    /**
     * Current contacts to proxy to.
     *
     * @param targets the contacts, best first (descending q, then most recently registered)
     */
    record Found(List<Target> targets) implements LookupResult {
        /** Freezes the list. */
        public Found {
            targets = List.copyOf(targets);
        }
    }

    /** No such user: no binding, not a subscriber, never registered (404). */
    record NotFound() implements LookupResult {
    }

    /** A known user with no current binding (480 Temporarily Unavailable). */
    record Unavailable() implements LookupResult {
    }

    /**
     * The store could not be read (500).
     *
     * @param cause the failure, for the log
     */
    record Failed(Throwable cause) implements LookupResult {
    }
}
