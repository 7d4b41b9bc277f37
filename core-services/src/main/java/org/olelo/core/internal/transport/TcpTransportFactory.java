package org.olelo.core.internal.transport;

import org.olelo.core.spi.TransportContext;
import org.olelo.core.spi.TransportFactory;
import org.olelo.core.transport.ListenAddress;
import org.olelo.core.transport.StreamSockets;
import org.olelo.core.transport.Transport;

/** Makes {@code tcp:} listening points ({@link TcpTransport}). Stateless; see {@link TransportFactory} for threads. */
public final class TcpTransportFactory implements TransportFactory {

    @Override
    public String kind() {
        return "TCP";
    }

    @Override
    public Transport create(ListenAddress address, TransportContext context) {
        return stream(address, context, StreamSockets.PLAIN);
    }

    /** A stream listening point over another socket layer (for {@code org.olelo.core.stream.StreamTransports}). */
    public static Transport stream(ListenAddress address, TransportContext context, StreamSockets sockets) {
        return new TcpTransport(address, context.sink(), context.maxMessageBytes(), context.connectTimeoutMillis(),
                context.tcpLimits(), context.statistics(), sockets);
    }
}
