package org.olelo.apps.registrar.service;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The AORs that have had a binding since the application started (or that the store held at
 * start): a user among them who has no binding now is temporarily unavailable (480), not unknown
 * (404). It grows only by successful registrations, so by the number of users that registered.
 * Safe for concurrent use; never blocks.
 */
public final class KnownAors {

    private final Set<String> aors = ConcurrentHashMap.newKeySet();

    /** @param aor a canonical AOR that now has a binding */
    public void add(String aor) {
        aors.add(aor);
    }

    /** @param all canonical AORs loaded at start */
    public void addAll(Collection<String> all) {
        aors.addAll(all);
    }

    /**
     * @param aor a canonical AOR
     * @return whether it had a binding at some point
     */
    public boolean contains(String aor) {
        return aors.contains(aor);
    }
}
