package org.olelo.core.internal.transport;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import org.olelo.core.spi.TransportContext;
import org.olelo.core.spi.TransportFactory;
import org.olelo.core.transport.InMemoryTransport;
import org.olelo.core.transport.ListenAddress;
import org.olelo.core.transport.Transport;

/**
 * Makes {@code memory:} listening points: an {@link InMemoryTransport} that wears the configured
 * address (port 0 meaning 5060) and speaks as UDP, for embedding code that finds it among the
 * core's listening points and injects messages itself. Stateless; see {@link TransportFactory}.
 */
public final class MemoryTransportFactory implements TransportFactory {

    @Override
    public String kind() {
        return "MEMORY";
    }

    @Override
    public Transport create(ListenAddress address, TransportContext context) throws UnknownHostException {
        InetAddress host = InetAddress.getByName(address.host());
        InMemoryTransport t = new InMemoryTransport("UDP", new InetSocketAddress(host, address.port() == 0 ? 5060 : address.port()));
        t.attach(context.sink());
        return t;
    }
}
