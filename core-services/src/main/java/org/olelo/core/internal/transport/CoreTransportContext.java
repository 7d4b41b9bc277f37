package org.olelo.core.internal.transport;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;

import org.olelo.core.spi.ConnectionEvents;
import org.olelo.core.spi.TransportContext;
import org.olelo.core.stats.CoreStatistics;
import org.olelo.core.transport.InboundSink;
import org.olelo.core.transport.TcpLimits;
import org.olelo.core.transport.Transport;

/**
 * The {@link TransportContext} the core hands every factory, taken from its configuration.
 * Immutable.
 */
public record CoreTransportContext(InboundSink sink, int maxMessageBytes, int connectTimeoutMillis, int udpReaders,
                                   int udpBufferBytes, TcpLimits tcpLimits, CoreStatistics statistics, Map<String, String> settings,
                                   ConnectionEvents connections)
        implements TransportContext {

    @Override
    public Optional<String> setting(String key) {
        return Optional.ofNullable(settings.get(key));
    }

    @Override
    public void connectionClosed(Transport transport, InetSocketAddress peer) {
        connections.closed(transport, peer);
    }
}
