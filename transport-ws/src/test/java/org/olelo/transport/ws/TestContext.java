package org.olelo.transport.ws;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.olelo.core.spi.TransportContext;
import org.olelo.core.stats.CoreStatistics;
import org.olelo.core.transport.InboundSink;
import org.olelo.core.transport.TcpLimits;
import org.olelo.core.transport.Transport;

/** A transport context that queues what the transport reads and the connections it reports closed. */
final class TestContext implements TransportContext {

    /** One message read, with where it came from. */
    record Received(String text, InetSocketAddress source) {
    }

    final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    final BlockingQueue<InetSocketAddress> closed = new LinkedBlockingQueue<>();
    final CoreStatistics statistics = new CoreStatistics();
    private final Map<String, String> settings;
    private final int maxMessageBytes;
    private final TcpLimits limits;

    TestContext(Map<String, String> settings, int maxMessageBytes, TcpLimits limits) {
        this.settings = settings;
        this.maxMessageBytes = maxMessageBytes;
        this.limits = limits;
    }

    TestContext(Map<String, String> settings) {
        this(settings, 65535, TcpLimits.DEFAULT);
    }

    @Override
    public InboundSink sink() {
        return (data, via, source) -> received.add(new Received(new String(data, java.nio.charset.StandardCharsets.UTF_8), source));
    }

    @Override
    public int maxMessageBytes() {
        return maxMessageBytes;
    }

    @Override
    public int connectTimeoutMillis() {
        return 1000;
    }

    @Override
    public int udpReaders() {
        return 1;
    }

    @Override
    public int udpBufferBytes() {
        return 0;
    }

    @Override
    public TcpLimits tcpLimits() {
        return limits;
    }

    @Override
    public CoreStatistics statistics() {
        return statistics;
    }

    @Override
    public Optional<String> setting(String key) {
        return Optional.ofNullable(settings.get(key));
    }

    @Override
    public void connectionClosed(Transport transport, InetSocketAddress peer) {
        closed.add(peer);
    }
}
