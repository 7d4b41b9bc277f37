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

    /**
     * Whether the real WebSocket module is on the class path too: the tests of other modules run
     * with these test classes (a reactor build up to {@code test} uses the folder, not the test jar
     * that leaves the test plug-ins out), and two factories for one kind stop a start.
     */
    private static final boolean REAL_WS = present("org.olelo.transport.ws.WsTransportFactory");

    @Override
    public String kind() {
        return REAL_WS ? "FAKEWS" : "WS";
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, FakeWsTransportFactory.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    @Override
    public Transport create(ListenAddress address, TransportContext context) throws UnknownHostException {
        return new FakeTransport(new InetSocketAddress(InetAddress.getByName(address.host()), address.port()), context.sink(), "WS");
    }
}
