package org.olelo.core.plugin;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import org.olelo.core.spi.TransportContext;
import org.olelo.core.spi.TransportFactory;
import org.olelo.core.transport.ListenAddress;
import org.olelo.core.transport.Transport;

/**
 * The test-only transport kind FAKE, registered in the test class path's
 * {@code META-INF/services/org.olelo.core.spi.TransportFactory}, as a plugin jar would be.
 */
public final class FakeTransportFactory implements TransportFactory {

    @Override
    public String kind() {
        return "FAKE";
    }

    @Override
    public Transport create(ListenAddress address, TransportContext context) throws UnknownHostException {
        return new FakeTransport(new InetSocketAddress(InetAddress.getByName(address.host()), address.port()), context.sink());
    }
}
