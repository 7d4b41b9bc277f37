package org.olelo.transport.ws;

import java.io.IOException;
import javax.net.ServerSocketFactory;
import org.olelo.core.spi.TransportContext;
import org.olelo.core.spi.TransportFactory;
import org.olelo.core.transport.ListenAddress;
import org.olelo.core.transport.Transport;

/**
 * Makes {@code ws:} listening points: SIP over WebSocket on plain TCP ({@link WsTransport}), with the
 * settings {@code ws.path} and {@code ws.origins}. Stateless; see {@link TransportFactory} for
 * threads.
 */
public final class WsTransportFactory implements TransportFactory {

    @Override
    public String kind() {
        return "WS";
    }

    /** @throws IOException when a {@code ws.*} setting is wrong, naming the key */
    @Override
    public Transport create(ListenAddress address, TransportContext context) throws IOException {
        return new WsTransport(address, context, WsSettings.from(context), ServerSocketFactory.getDefault());
    }
}
