package org.olelo.core.internal.transport;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import org.olelo.core.internal.net.AddressText;
import org.olelo.core.transport.InboundSink;
import org.olelo.core.transport.ListenAddress;
import org.olelo.core.transport.Transport;

/**
 * Shared fields of the socket transports: the configured listening point and the sink. What the
 * listening point advertises (Via, Record-Route, Contact) is fixed when it is bound: a point bound
 * to the wildcard address advertises the machine's address, asked of the system once, on the
 * starting thread, never on a reader thread nor per message.
 */
abstract class AbstractTransport implements Transport {

    /** The machine's own address, as the system names it (may ask the network). */
    @FunctionalInterface
    interface LocalHost {
        InetAddress get() throws UnknownHostException;
    }

    protected final ListenAddress listen;
    protected final InboundSink sink;
    protected final int maxMessageBytes;
    private final LocalHost localHost;
    protected volatile InetSocketAddress bound;
    private volatile String advertisedHost;

    AbstractTransport(ListenAddress listen, InboundSink sink, int maxMessageBytes, LocalHost localHost) {
        this.listen = listen;
        this.sink = sink;
        this.maxMessageBytes = maxMessageBytes;
        this.localHost = localHost;
    }

    /** Records the bound address and what it advertises; called by {@code start()} once the socket is bound. */
    protected void bound(InetSocketAddress a) {
        InetAddress advertised = a.getAddress();
        if (advertised.isAnyLocalAddress()) {
            try {
                advertised = localHost.get();
            } catch (UnknownHostException e) {
                advertised = InetAddress.getLoopbackAddress();
            }
        }
        advertisedHost = AddressText.sip(advertised);
        bound = a;
    }

    @Override
    public String name() {
        return listen.transport();
    }

    @Override
    public InetSocketAddress localAddress() {
        return bound;
    }

    @Override
    public String advertisedHost() {
        return advertisedHost;
    }

    @Override
    public int advertisedPort() {
        return bound.getPort();
    }

    @Override
    public String toString() {
        return name().toLowerCase() + ":" + advertisedHost() + ":" + advertisedPort();
    }
}
