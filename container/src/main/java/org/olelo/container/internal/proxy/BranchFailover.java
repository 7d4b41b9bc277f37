package org.olelo.container.internal.proxy;

import gov.nist.javax.sip.message.SIPRequest;
import java.util.List;
import org.olelo.core.routing.Hop;

/**
 * The targets a proxy branch has left to try (RFC 3263 §4.3), and the branch's request as it was
 * before anything that depends on the hop was added (Record-Route, Path, Via, Max-Forwards), to
 * send again from scratch to the next one.
 *
 * <p>Threads: used on the application session's executor only, like the branch.
 */
final class BranchFailover {

    private final List<Hop> hops;
    private final SIPRequest base;
    private int next = 1;

    private BranchFailover(List<Hop> hops, SIPRequest base) {
        this.hops = hops;
        this.base = base;
    }

    /** Null when there is no other target, so that a branch with one costs no copy of its request. */
    static BranchFailover of(List<Hop> hops, SIPRequest request) {
        return hops.size() < 2 ? null : new BranchFailover(List.copyOf(hops), (SIPRequest) request.clone());
    }

    /** The next target, or null when every one was tried. */
    Hop next() {
        return next < hops.size() ? hops.get(next++) : null;
    }

    /** A fresh copy of the request for the next target. */
    SIPRequest request() {
        return (SIPRequest) base.clone();
    }
}
