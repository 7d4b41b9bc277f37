package org.olelo.container.internal.flow;

import jakarta.servlet.sip.Flow;
import jakarta.servlet.sip.SipURI;
import java.net.InetSocketAddress;
import java.util.Locale;
import org.olelo.container.internal.address.SipURIImpl;
import org.olelo.core.routing.Hop;

/**
 * One flow: a listening point of ours and a peer. Over a stream transport it is the connection
 * between them, and fails when that ends; over UDP it is the 5-tuple, and never fails by itself.
 * Sending over it means sending to the peer through that listening point, which reuses the open
 * connection.
 *
 * <p>Immutable but for its state; any thread.
 */
public final class FlowImpl implements Flow {

    private final Hop hop;
    private final String token;
    private final Flows owner;
    private volatile boolean active = true;

    FlowImpl(Hop hop, String token, Flows owner) {
        this.hop = hop;
        this.token = token;
        this.owner = owner;
    }

    /**
     * @param flow a flow given to an application, or null
     * @return it as this container's flow, or null
     * @throws IllegalArgumentException when it is not a flow of this container
     */
    public static FlowImpl require(Flow flow) {
        if (flow == null || flow instanceof FlowImpl) {
            return (FlowImpl) flow;
        }
        throw new IllegalArgumentException("not a flow of this container: " + flow.getClass().getName());
    }

    /** Where messages sent over this flow go: its listening point and its peer. */
    public Hop hop() {
        return hop;
    }

    @Override
    public String getToken() {
        return token;
    }

    @Override
    public SipURI getLocalURI() {
        return uri(hop.transport().localAddress());
    }

    @Override
    public SipURI getRemoteURI() {
        return uri(hop.address());
    }

    private SipURI uri(InetSocketAddress a) {
        SipURIImpl u = new SipURIImpl(null, a.getAddress() instanceof java.net.Inet6Address
                ? "[" + a.getAddress().getHostAddress() + "]" : a.getAddress().getHostAddress());
        u.setPort(a.getPort());
        u.setTransportParam(hop.transport().name().toLowerCase(Locale.ROOT));
        return u;
    }

    /** Stops watching the connection for this application's sake; the connection itself stays open. */
    @Override
    public void release() {
        active = false;
        owner.released(this);
    }

    @Override
    public boolean isActive() {
        return active;
    }

    /** The connection ended. */
    void failed() {
        active = false;
    }

    @Override
    public String toString() {
        return hop.toString();
    }
}
