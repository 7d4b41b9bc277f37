package org.olelo.core.plugin;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import org.olelo.core.spi.TransportFactory;
import org.olelo.core.spi.TransportContext;
import org.olelo.core.transport.ListenAddress;
import org.olelo.core.transport.Transport;

/**
 * The test-only kind WS on the {@link FakeNetwork}: a listening point that calls itself WS, so that
 * the core's routing for WebSocket transports is tested without the WebSocket module.
 */
public final class FakeWsTransportFactory implements TransportFactory {

    @Override
    public String kind() {
        return "WS";
    }

    @Override
    public Transport create(ListenAddress address, TransportContext context) throws UnknownHostException {
        return new FakeTransport(new InetSocketAddress(InetAddress.getByName(address.host()), address.port()), context.sink(), "WS");
    }
}
