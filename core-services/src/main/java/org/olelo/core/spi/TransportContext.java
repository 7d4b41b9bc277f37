package org.olelo.core.spi;

import java.net.InetSocketAddress;
import java.util.Optional;

import org.olelo.core.stats.CoreStatistics;
import org.olelo.core.transport.InboundSink;
import org.olelo.core.transport.TcpLimits;
import org.olelo.core.transport.Transport;

/**
 * What the core gives a {@link TransportFactory} for each listening point: the inbound path,
 * the limits every transport keeps and the settings of the built-in kinds. Immutable; read on any
 * thread.
 */
public interface TransportContext {

    /** The core's inbound path: every complete message read goes here, on the reader thread. */
    InboundSink sink();

    /** The largest message accepted, in bytes; a longer one is dropped (datagram) or ends the connection (stream). */
    int maxMessageBytes();

    /** How long opening an outgoing connection may take, in milliseconds (stream kinds). */
    int connectTimeoutMillis();

    /** Reader threads per datagram listening point. */
    int udpReaders();

    /** Socket send and receive buffer of a datagram listening point, in bytes (0: the system's). */
    int udpBufferBytes();

    /** Connection cap and timeouts of a stream listening point. */
    TcpLimits tcpLimits();

    /** Where a transport counts its defensive events (connections refused, timed out...). */
    CoreStatistics statistics();

    /**
     * The configured value of a plug-in's own setting, e.g. {@code tls.certificate}: the
     * configuration hands every key of an extension prefix through unparsed, and the factory
     * checks it (a bad value: {@link TransportFactory#create} throws, naming the key).
     *
     * @param key the key as written in the configuration file
     * @return the value, or empty when the key is not set
     */
    Optional<String> setting(String key);

    /**
     * Reports a connection of a stream listening point that has closed, so that what depends on
     * it (see {@link ConnectionListener}) can be dropped. Call it once per connection, on the
     * thread that closed it, without holding locks; the default does nothing (a context without
     * listeners).
     *
     * @param transport the listening point
     * @param peer      the peer's address, as handed to the sink with each message
     */
    default void connectionClosed(Transport transport, InetSocketAddress peer) {
    }
}
