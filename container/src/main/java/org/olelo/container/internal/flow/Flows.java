package org.olelo.container.internal.flow;

import jakarta.servlet.sip.Flow;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.olelo.core.SipCore;
import org.olelo.core.routing.Hop;
import org.olelo.core.spi.ConnectionListener;
import org.olelo.core.transport.InternalTransport;
import org.olelo.core.transport.Transport;

/**
 * The container's flows (RFC 5626 §3, JSR 359 {@link Flow}). A flow is made for the listening point
 * and peer a request came over ({@link #of}), or from a token an application kept ({@link #find}).
 * A stream flow an application was given is watched: when its connection ends (the core's
 * {@link ConnectionListener}), it is marked failed and handed to {@link #onFailure}, once. A token of
 * a stream flow that is not watched any more (its connection ended) finds nothing; a UDP token
 * finds its flow as long as the listening point exists.
 *
 * <p>Bounded: at most {@value #MAX_WATCHED} watched flows (one per open connection at most; beyond
 * the cap a flow still carries requests but its failure is not reported). Any thread; the failure
 * callback runs on the thread that closed the connection and must hand work off.
 */
public final class Flows implements ConnectionListener {

    static final int MAX_WATCHED = 65_536;

    private final ConcurrentHashMap<String, FlowImpl> watched = new ConcurrentHashMap<>();
    private volatile SipCore core;
    private volatile Consumer<Flow> onFailure = f -> { };

    /** Takes the core whose listening points flows run over, and listens to its connections. */
    public void attach(SipCore c) {
        this.core = c;
        c.connectionEvents().add(this);
    }

    /** Sets what is done with a failed flow (the container tells the applications' FlowListeners). */
    public void onFailure(Consumer<Flow> action) {
        this.onFailure = action;
    }

    /**
     * @param transport the listening point a message came in on
     * @param peer      where it came from
     * @return the flow between them, or null over the internal hop (no network flow)
     */
    public FlowImpl of(Transport transport, InetSocketAddress peer) {
        if (transport == null || peer == null || transport instanceof InternalTransport) {
            return null;
        }
        String token = FlowTokens.encode(transport.name(), transport.localAddress(), peer);
        if (!transport.reliable()) {
            return new FlowImpl(new Hop(transport, peer), token, this);
        }
        FlowImpl f = watched.get(token);
        if (f != null) {
            return f;
        }
        FlowImpl made = new FlowImpl(new Hop(transport, peer), token, this);
        if (watched.size() >= MAX_WATCHED) {
            return made;
        }
        FlowImpl raced = watched.putIfAbsent(token, made);
        return raced != null ? raced : made;
    }

    /**
     * @param token a token from {@link Flow#getToken()}
     * @return its flow while it is up, else null (also for a token that is not one)
     */
    public FlowImpl find(String token) {
        FlowImpl f = watched.get(token == null ? "" : token);
        if (f != null) {
            return f;
        }
        FlowTokens.Parts p = FlowTokens.decode(token);
        SipCore c = core;
        if (p == null || c == null) {
            return null;
        }
        for (Transport t : c.transports()) {
            if (!t.reliable() && t.name().equals(p.transport()) && p.local().equals(t.localAddress())) {
                return new FlowImpl(new Hop(t, p.remote()), token, this);
            }
        }
        return null;
    }

    /** An application let go of a flow: its connection is no longer watched on that flow's behalf. */
    void released(FlowImpl f) {
        watched.remove(f.getToken(), f);
    }

    @Override
    public void connectionClosed(Transport transport, InetSocketAddress peer) {
        if (watched.isEmpty() || transport.localAddress() == null) {
            return;
        }
        FlowImpl f = watched.remove(FlowTokens.encode(transport.name(), transport.localAddress(), peer));
        if (f != null) {
            f.failed();
            onFailure.accept(f);
        }
    }

    /** Number of watched flows (statistics and tests). */
    public int watchedCount() {
        return watched.size();
    }
}
