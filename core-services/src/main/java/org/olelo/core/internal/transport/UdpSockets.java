package org.olelo.core.internal.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sockets of one UDP listening point: one per reader thread, all bound to the same address
 * and port with {@code SO_REUSEPORT}, so that the kernel gives every datagram of one peer (one
 * source address and port) to the same socket, hence to the same reader. Readers never share a
 * socket: the messages of one peer reach the core in the order they arrived, and a request of a
 * dialog cannot overtake the one sent before it because two readers raced (the application
 * session's serial executor keeps that order from there on).
 *
 * <p>The port is first bound alone, without {@code SO_REUSEPORT}: a port another program (or this
 * one) holds is refused as before, and a port picked by the system ({@code :0}) is one nobody else
 * uses. On a platform without {@code SO_REUSEPORT} the listening point gets one socket and one
 * reader, which keeps the order too.
 *
 * <p>Called once, from the thread that starts the listening point.
 */
final class UdpSockets {

    private static final Logger LOG = LoggerFactory.getLogger(UdpSockets.class);

    private UdpSockets() {
    }

    /**
     * Opens the sockets.
     *
     * @param address     where to listen (port 0: one the system picks)
     * @param wanted      how many sockets (one per reader thread)
     * @param bufferBytes SO_RCVBUF and SO_SNDBUF asked of the kernel, 0 for its default
     * @return at least one bound socket, at most {@code wanted}
     * @throws IOException when the address cannot be bound (the message says why)
     */
    static List<DatagramChannel> open(InetSocketAddress address, int wanted, int bufferBytes) throws IOException {
        DatagramChannel alone = DatagramChannel.open();
        boolean shareable;
        try {
            alone.setOption(StandardSocketOptions.SO_REUSEADDR, false);
            shareable = wanted > 1 && alone.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT);
            if (!shareable) {
                buffers(alone, bufferBytes);
            }
            alone.bind(address);
        } catch (IOException | RuntimeException e) {
            alone.close();
            throw e;
        }
        if (!shareable) {
            if (wanted > 1) {
                LOG.info("udp:{}: one reader thread (this platform cannot share a port between sockets)", address);
            }
            return List.of(alone);
        }
        InetSocketAddress bound = (InetSocketAddress) alone.getLocalAddress();
        alone.close();
        List<DatagramChannel> out = new ArrayList<>(wanted);
        try {
            for (int i = 0; i < wanted; i++) {
                DatagramChannel c = DatagramChannel.open();
                out.add(c);
                c.setOption(StandardSocketOptions.SO_REUSEPORT, true);
                buffers(c, bufferBytes);
                c.bind(bound);
            }
        } catch (IOException | RuntimeException e) {
            for (DatagramChannel c : out) {
                c.close();
            }
            throw e;
        }
        return List.copyOf(out);
    }

    private static void buffers(DatagramChannel c, int bytes) throws IOException {
        if (bytes > 0) {
            c.setOption(StandardSocketOptions.SO_RCVBUF, bytes);
            c.setOption(StandardSocketOptions.SO_SNDBUF, bytes);
        }
    }
}
