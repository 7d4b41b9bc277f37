package org.olelo.apps.registrar.service;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which AORs have RFC 5626 outbound bindings over which flow, by flow token, so that the failure
 * of a flow (its connection ended) removes exactly those bindings. Kept in memory only: after a
 * restart every connection, and so every flow, is new.
 *
 * <p>Bounded: at most {@value #MAX_FLOWS} flows are remembered (one per open connection in
 * practice); beyond that a flow's bindings simply expire as others do. Any thread.
 */
public final class OutboundFlows {

    static final int MAX_FLOWS = 100_000;
    private static final int MAX_AORS_PER_FLOW = 16;

    private final ConcurrentHashMap<String, Set<String>> aorsByFlow = new ConcurrentHashMap<>();

    /**
     * Notes that {@code aorKey} registered an outbound binding over the flow {@code token}.
     *
     * @return false when it could not be noted (too many flows or AORs on one flow)
     */
    public boolean bind(String token, String aorKey) {
        if (aorsByFlow.size() >= MAX_FLOWS && !aorsByFlow.containsKey(token)) {
            return false;
        }
        Set<String> aors = aorsByFlow.computeIfAbsent(token, t -> ConcurrentHashMap.newKeySet());
        return aors.size() < MAX_AORS_PER_FLOW && aors.add(aorKey) || aors.contains(aorKey);
    }

    /**
     * Forgets a flow that failed.
     *
     * @return the AORs that had outbound bindings over it (empty when none)
     */
    public Set<String> failed(String token) {
        Set<String> aors = aorsByFlow.remove(token);
        return aors == null ? Set.of() : aors;
    }

    /** Number of flows remembered. */
    public int size() {
        return aorsByFlow.size();
    }
}
