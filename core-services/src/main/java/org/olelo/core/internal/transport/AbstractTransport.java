package org.olelo.core.internal.transport;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import org.olelo.core.internal.net.AddressText;
import org.olelo.core.transport.InboundSink;
import org.olelo.core.transport.ListenAddress;
import org.olelo.core.transport.Transport;

/** Shared fields of the socket transports: the configured listening point and the sink. */
abstract class AbstractTransport implements Transport {

    protected final ListenAddress listen;
    protected final InboundSink sink;
    protected final int maxMessageBytes;
    protected volatile InetSocketAddress bound;

    AbstractTransport(ListenAddress listen, InboundSink sink, int maxMessageBytes) {
        this.listen = listen;
        this.sink = sink;
        this.maxMessageBytes = maxMessageBytes;
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
        InetAddress a = bound.getAddress();
        if (a.isAnyLocalAddress()) {
            try {
                a = InetAddress.getLocalHost();
            } catch (UnknownHostException e) {
                a = InetAddress.getLoopbackAddress();
            }
        }
        return AddressText.sip(a);
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
