package org.olelo.core.testkit;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.olelo.core.transport.InMemoryTransport;

/** A peer on the in-memory connector: no sockets, the whole server path runs on the caller's thread. */
public final class MemoryPeer implements SipPeer {

    private final InMemoryTransport transport;
    private final InetSocketAddress self;

    /** @param port the port this peer pretends to use on 127.0.0.1 */
    public MemoryPeer(InMemoryTransport transport, int port) {
        this(transport, new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }

    /** @param self the address this peer pretends to send from, e.g. 127.0.0.3:5990 */
    public MemoryPeer(InMemoryTransport transport, InetSocketAddress self) {
        this.transport = transport;
        this.self = self;
    }

    @Override
    public void send(byte[] message) {
        transport.inject(message, self);
    }

    @Override
    public String receive(long timeoutMillis) throws InterruptedException {
        InMemoryTransport.Sent s = transport.poll(self, timeoutMillis, TimeUnit.MILLISECONDS);
        return s == null ? null : s.text();
    }

    @Override
    public InetSocketAddress address() {
        return self;
    }

    @Override
    public String transport() {
        return transport.name();
    }

    @Override
    public void close() {
        transport.clear();
    }
}
