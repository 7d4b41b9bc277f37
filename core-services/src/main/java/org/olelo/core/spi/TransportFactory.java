package org.olelo.core.spi;

import java.io.IOException;
import org.olelo.core.transport.ListenAddress;
import org.olelo.core.transport.Transport;

/**
 * Makes the listening points of one transport kind. The core finds the factories with
 * {@link java.util.ServiceLoader}: a jar on the class path whose
 * {@code META-INF/services/org.olelo.core.spi.TransportFactory} names an implementation (with a
 * public no-argument constructor) adds its kind, and a listening point configured as
 * {@code <kind>:<host>:<port>} is then made by it. The core's own kinds are {@code udp},
 * {@code tcp} and {@code memory} (the in-memory connector); two factories for one kind stop the
 * start.
 *
 * <p>Threads: {@link #kind} and {@link #create} are called on the thread that starts the core,
 * before any message flows; they may block (e.g. to load a key store).
 *
 * <p>What the core expects of the transport made here ({@link Transport}): {@link Transport#start}
 * binds and starts reading; every complete message read is handed to
 * {@link TransportContext#sink()} on a thread of the transport (its reader thread), one message at
 * a time per thread. The core's inbound path runs there and never blocks on the network or on a
 * name look-up, so a reader may serve many peers. {@link Transport#send} may be called from any
 * thread at once and must call {@link org.olelo.core.transport.InboundSink#onSending} right
 * before it writes. A transport that reads a stream frames it into messages itself, and never
 * hands the sink more than {@link TransportContext#maxMessageBytes()} bytes.
 */
public interface TransportFactory {

    /**
     * The kind, as written before the first colon of a listening point and compared without
     * regard to case: {@code "UDP"}, {@code "TLS"}, {@code "WS"}... Letters and digits only.
     */
    String kind();

    /**
     * Makes one listening point of this kind, not yet started.
     *
     * @param address the configured listening point (its transport is {@link #kind()})
     * @param context where messages go, the core's limits and its counters
     * @throws IOException when the listening point cannot be made (the start stops, naming it)
     */
    Transport create(ListenAddress address, TransportContext context) throws IOException;
}
