package org.olelo.container.internal.trace;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/**
 * Sends traced messages to a Homer collector, one HEP v3 packet per message over UDP
 * ({@link HepEncoder}). The collector's name is resolved once, when the output opens.
 *
 * <p>Threads: only the trace writer thread uses an instance.
 */
final class HepOutput implements AutoCloseable {

    private final InetSocketAddress collector;
    private final long captureId;
    private final DatagramChannel channel;

    /**
     * @param given     the collector as configured (possibly unresolved)
     * @param captureId the capture agent id put in each packet
     * @throws IOException when the name does not resolve or no socket can be opened
     */
    HepOutput(InetSocketAddress given, long captureId) throws IOException {
        InetAddress a = InetAddress.getByName(given.getHostString());
        this.collector = new InetSocketAddress(a, given.getPort());
        this.captureId = captureId;
        this.channel = DatagramChannel.open();
    }

    /** The resolved collector address. */
    InetSocketAddress collector() {
        return collector;
    }

    /**
     * Sends one message; one too large for a datagram is skipped.
     *
     * @return false when the message was too large
     * @throws IOException when the datagram could not be sent
     */
    boolean send(TraceRecord r) throws IOException {
        byte[] packet = HepEncoder.encode(r, captureId);
        if (packet == null) {
            return false;
        }
        channel.send(ByteBuffer.wrap(packet), collector);
        return true;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
