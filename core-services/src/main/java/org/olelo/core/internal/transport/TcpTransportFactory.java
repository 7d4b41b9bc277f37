package org.olelo.core.internal.transport;

import org.olelo.core.spi.TransportContext;
import org.olelo.core.spi.TransportFactory;
import org.olelo.core.transport.ListenAddress;
import org.olelo.core.transport.Transport;

/** Makes {@code tcp:} listening points ({@link TcpTransport}). Stateless; see {@link TransportFactory} for threads. */
public final class TcpTransportFactory implements TransportFactory {

    @Override
    public String kind() {
        return "TCP";
    }

    @Override
    public Transport create(ListenAddress address, TransportContext context) {
        return new TcpTransport(address, context.sink(), context.maxMessageBytes(), context.connectTimeoutMillis(),
                context.tcpLimits(), context.statistics());
    }
}
