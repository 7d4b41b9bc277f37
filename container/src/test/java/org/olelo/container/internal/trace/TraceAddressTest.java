package org.olelo.container.internal.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.olelo.core.transport.Transport;

/** A listening point bound to the wildcard address is traced with the address it advertises. */
class TraceAddressTest {

    /** A listening point that is never started: only its addresses are read. */
    private static Transport point(InetSocketAddress bound, String advertised) {
        return new Transport() {
            @Override
            public String name() {
                return "UDP";
            }

            @Override
            public boolean reliable() {
                return false;
            }

            @Override
            public InetSocketAddress localAddress() {
                return bound;
            }

            @Override
            public String advertisedHost() {
                return advertised;
            }

            @Override
            public int advertisedPort() {
                return bound.getPort();
            }

            @Override
            public void send(byte[] message, InetSocketAddress to) {
            }

            @Override
            public void start() {
            }

            @Override
            public void close() {
            }
        };
    }

    @Test
    void wildcardBindingsShowTheAdvertisedAddress() throws Exception {
        InetSocketAddress any4 = new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 5060);
        assertEquals(new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 5060),
                SipTrace.localAddress(point(any4, "192.0.2.1")));
        InetSocketAddress any6 = new InetSocketAddress(InetAddress.getByName("::"), 5062);
        assertEquals(new InetSocketAddress(InetAddress.getByName("2001:db8::1"), 5062),
                SipTrace.localAddress(point(any6, "[2001:db8::1]")));
        InetSocketAddress loop = new InetSocketAddress(InetAddress.getLoopbackAddress(), 5070);
        assertEquals(loop, SipTrace.localAddress(point(loop, "192.0.2.9")), "a specific binding is kept");
    }
}
