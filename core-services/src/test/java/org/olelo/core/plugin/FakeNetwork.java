package org.olelo.core.plugin;

import java.net.InetSocketAddress;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A network inside this JVM for the test-only FAKE transport: each bound address has a queue of
 * the datagrams sent to it, each with its sender. Nothing here is a socket, and nothing of the
 * core knows this class: the core reaches it only through {@link FakeTransportFactory}, found on
 * the test class path.
 */
final class FakeNetwork {

    /** One message in flight: its bytes and the address it came from. */
    record Datagram(byte[] data, InetSocketAddress from) {
    }

    private static final ConcurrentHashMap<InetSocketAddress, BlockingQueue<Datagram>> BOUND = new ConcurrentHashMap<>();
    private static final AtomicInteger NEXT_PORT = new AtomicInteger(40_000);

    private FakeNetwork() {
    }

    /** Binds an address (port 0: a free one) and returns it. */
    static InetSocketAddress bind(InetSocketAddress wanted) {
        InetSocketAddress a = wanted.getPort() != 0 ? wanted
                : new InetSocketAddress(wanted.getAddress(), NEXT_PORT.incrementAndGet());
        if (BOUND.putIfAbsent(a, new LinkedBlockingQueue<>()) != null) {
            throw new IllegalStateException(a + " is bound already");
        }
        return a;
    }

    static void unbind(InetSocketAddress a) {
        BOUND.remove(a);
    }

    /** Delivers a message to a bound address; one to an unbound address is lost, as on a network. */
    static void send(byte[] data, InetSocketAddress from, InetSocketAddress to) {
        BlockingQueue<Datagram> q = BOUND.get(to);
        if (q != null) {
            q.add(new Datagram(data.clone(), from));
        }
    }

    /** The next message for a bound address, or null after the timeout. */
    static Datagram receive(InetSocketAddress at, long timeout, TimeUnit unit) throws InterruptedException {
        BlockingQueue<Datagram> q = BOUND.get(at);
        return q == null ? null : q.poll(timeout, unit);
    }
}
