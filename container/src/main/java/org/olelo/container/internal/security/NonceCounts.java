package org.olelo.container.internal.security;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The highest nonce count seen for each recent nonce, to refuse a replayed request (RFC 7616
 * §3.3: a client increments {@code nc} each time it reuses a nonce).
 *
 * <p>Bounded: beyond {@code capacity} nonces the least recently used is forgotten. A forgotten
 * nonce is accepted once more with any count above zero; since nonces expire (a few minutes by
 * default), the bound only matters when more than {@code capacity} clients authenticate within one
 * nonce lifetime, and then a replay still has to happen before the nonce expires.
 *
 * <p>Per node, also in a cluster whose nodes share the nonce secret ({@link SharedNonceKey}): each
 * node refuses the counts it has seen itself, so a request replayed to another node (or to a node
 * restarted since, which keeps the key but not the counts) is accepted there once more, still only
 * from the address the nonce was issued to and before it expires.
 * Sharing the counts would refuse what the nodes are meant to accept: a front forks a REGISTER to
 * every node with the same count, and each must take it; it would also cost a synchronous round
 * to the other nodes per authenticated request.
 *
 * <p>Thread-safe (one lock, held for a map operation).
 */
final class NonceCounts {

    private final Map<String, Long> last;

    /** @param capacity how many nonces are remembered */
    NonceCounts(int capacity) {
        this.last = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * Records a use of a nonce.
     *
     * @param nonce the nonce
     * @param nc    the nonce count the client sent
     * @return true when {@code nc} is higher than any count seen before for this nonce; false for
     *         a replay (the count is then not recorded)
     */
    synchronized boolean advance(String nonce, long nc) {
        Long before = last.get(nonce);
        if (nc < 1 || before != null && nc <= before) {
            return false;
        }
        last.put(nonce, nc);
        return true;
    }
}
