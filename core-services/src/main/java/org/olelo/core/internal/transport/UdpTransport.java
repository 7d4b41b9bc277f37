package org.olelo.core.internal.transport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import org.olelo.core.transport.InboundSink;
import org.olelo.core.transport.ListenAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A UDP listening point. A small, fixed number of platform reader threads (never one per message)
 * block in {@code receive}, copy the datagram and hand it to the sink on the same thread: parsing and
 * transaction matching run there, application code never does. Each reader has a socket of its own
 * on the shared port ({@link UdpSockets}), so the datagrams of one peer are always read by the same
 * thread, in order. Sending is a single {@code DatagramChannel.send}, safe from any thread. A
 * datagram whose first byte is 0x00 or 0x01 is STUN, not SIP: a Binding Request is answered on the
 * reader thread with the sender's address ({@link StunBinding}, RFC 5626 §4.4.2), the rest dropped.
 */
final class UdpTransport extends AbstractTransport {

    private static final Logger LOG = LoggerFactory.getLogger(UdpTransport.class);

    private final int readers;
    private final int receiveBufferBytes;
    private final List<Thread> threads = new ArrayList<>();
    private List<DatagramChannel> channels = List.of();
    /** The socket sends go out of (any of them would do: they share address and port). */
    private DatagramChannel channel;
    private volatile boolean running;
    /** Where answered STUN requests are counted; null: not counted. */
    private org.olelo.core.stats.CoreStatistics statistics;

    /**
     * @param readers            number of reader threads
     * @param receiveBufferBytes SO_RCVBUF asked of the kernel (absorbs bursts while readers are busy)
     */
    UdpTransport(ListenAddress listen, InboundSink sink, int maxMessageBytes, int readers, int receiveBufferBytes) {
        this(listen, sink, maxMessageBytes, readers, receiveBufferBytes, InetAddress::getLocalHost);
    }

    /** As above, counting the STUN keep-alives it answers in {@code statistics}. */
    UdpTransport(ListenAddress listen, InboundSink sink, int maxMessageBytes, int readers, int receiveBufferBytes,
                 org.olelo.core.stats.CoreStatistics statistics) {
        this(listen, sink, maxMessageBytes, readers, receiveBufferBytes, InetAddress::getLocalHost);
        this.statistics = statistics;
    }

    UdpTransport(ListenAddress listen, InboundSink sink, int maxMessageBytes, int readers, int receiveBufferBytes,
                 LocalHost localHost) {
        super(listen, sink, maxMessageBytes, localHost);
        this.readers = Math.max(1, readers);
        this.receiveBufferBytes = receiveBufferBytes;
    }

    @Override
    public boolean reliable() {
        return false;
    }

    @Override
    public void start() throws IOException {
        channels = UdpSockets.open(new InetSocketAddress(listen.host(), listen.port()), readers, receiveBufferBytes);
        channel = channels.get(0);
        bound((InetSocketAddress) channel.getLocalAddress());
        running = true;
        for (int i = 0; i < channels.size(); i++) {
            DatagramChannel own = channels.get(i);
            Thread t = Thread.ofPlatform().daemon().name("sip-udp-" + bound.getPort() + "-" + i).start(() -> readLoop(own));
            threads.add(t);
        }
    }

    private void readLoop(DatagramChannel socket) {
        ByteBuffer buf = ByteBuffer.allocateDirect(65_536);
        while (running) {
            try {
                buf.clear();
                InetSocketAddress from = (InetSocketAddress) socket.receive(buf);
                if (from == null) {
                    continue;
                }
                buf.flip();
                int n = buf.remaining();
                if (n == 0 || n > maxMessageBytes) {
                    continue;
                }
                byte[] data = new byte[n];
                buf.get(data);
                if (StunBinding.looksLikeStun(data, n)) {
                    answerStun(socket, data, from);
                    continue;
                }
                sink.onMessage(data, this, from);
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                if (running) {
                    LOG.warn("{}: receive failed: {}", this, e.toString());
                }
            } catch (RuntimeException | Error e) {
                // A bug in message handling must not kill the listener.
                LOG.error("{}: message handling failed", this, e);
            }
        }
    }

    /** A STUN Binding Request (RFC 5626 §4.4.2 keep-alive): answered from the socket it came in on. */
    private void answerStun(DatagramChannel socket, byte[] data, InetSocketAddress from) throws IOException {
        byte[] answer = StunBinding.answer(data, data.length, from);
        if (answer != null) {
            if (statistics != null) { // counted first: whoever has the answer sees it counted
                statistics.count(org.olelo.core.stats.CoreStatistics.Event.STUN_BINDING);
            }
            socket.send(ByteBuffer.wrap(answer), from);
        }
    }

    @Override
    public void send(byte[] message, InetSocketAddress to) throws IOException {
        sink.onSending(message, this, to);
        channel.send(ByteBuffer.wrap(message), to);
    }

    @Override
    public void close() {
        running = false;
        for (DatagramChannel c : channels) {
            try {
                c.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
