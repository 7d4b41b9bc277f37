package org.olelo.container.internal.ua;

import java.util.List;
import org.olelo.core.routing.Hop;

/**
 * The RFC 3263 targets an application's request has left to try: made when the request is sent,
 * handed from the client transaction of one target to that of the next.
 *
 * <p>Threads: {@link #next} may be called from transport and timer threads, once per failed
 * transaction; synchronized.
 */
final class UacFailover {

    private final List<Hop> hops;
    private int next = 1;

    private UacFailover(List<Hop> hops) {
        this.hops = hops;
    }

    /** Null when the request has one target. */
    static UacFailover of(List<Hop> hops) {
        return hops.size() < 2 ? null : new UacFailover(List.copyOf(hops));
    }

    /** The next target, or null when every one was tried. */
    synchronized Hop next() {
        return next < hops.size() ? hops.get(next++) : null;
    }
}
