package org.olelo.core.stream;

import org.olelo.core.internal.transport.TcpTransportFactory;
import org.olelo.core.spi.TransportContext;
import org.olelo.core.transport.ListenAddress;
import org.olelo.core.transport.StreamSockets;
import org.olelo.core.transport.Transport;

/**
 * Makes stream listening points for transport plug-ins that run SIP over a layer on TCP (TLS): the
 * core's TCP listening point, with everything it keeps (connection table by peer address, the
 * {@code tcp.*} caps and timeouts, framing by Content-Length, CRLF keep-alives), over the given
 * socket layer. Called by a factory on the starting thread.
 */
public final class StreamTransports {

    private StreamTransports() {
    }

    /**
     * A listening point of {@code address.transport()} (its Via name) over {@code sockets}, not yet started.
     *
     * @param context the limits, sink and statistics the factory was given
     */
    public static Transport create(ListenAddress address, TransportContext context, StreamSockets sockets) {
        return TcpTransportFactory.stream(address, context, sockets);
    }
}
