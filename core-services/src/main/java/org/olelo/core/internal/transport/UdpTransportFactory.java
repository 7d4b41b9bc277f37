package org.olelo.core.internal.transport;

import org.olelo.core.spi.TransportContext;
import org.olelo.core.spi.TransportFactory;
import org.olelo.core.transport.ListenAddress;
import org.olelo.core.transport.Transport;

/** Makes {@code udp:} listening points ({@link UdpTransport}). Stateless; see {@link TransportFactory} for threads. */
public final class UdpTransportFactory implements TransportFactory {

    @Override
    public String kind() {
        return "UDP";
    }

    @Override
    public Transport create(ListenAddress address, TransportContext context) {
        return new UdpTransport(address, context.sink(), context.maxMessageBytes(), context.udpReaders(),
                context.udpBufferBytes(), context.statistics());
    }
}
