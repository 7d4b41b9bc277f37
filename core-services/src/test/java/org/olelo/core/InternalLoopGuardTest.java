package org.olelo.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.nist.javax.sip.message.SIPRequest;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sip.header.RouteHeader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.olelo.core.message.MessageEncoder;
import org.olelo.core.stats.CoreStatistics;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.transaction.ServerTransaction;
import org.olelo.core.transport.InMemoryTransport;
import org.olelo.core.transport.InternalTransport;
import org.olelo.core.transport.ListenAddress;
import org.olelo.core.transport.Transport;

/**
 * Whatever path sends a request to the server itself, it cannot go round for ever: here the path is
 * the worst one possible, a handler that sends every request it gets back to the server unchanged
 * (Max-Forwards untouched, a fresh Via so that it is not taken for a retransmission or a loop).
 */
class InternalLoopGuardTest {

    private SipCore core;
    private final AtomicInteger handled = new AtomicInteger();

    /** Sends everything it receives straight back through the internal transport. */
    private final RequestHandler echo = new RequestHandler() {
        @Override
        public void onRequest(ServerTransaction st) {
            again(st.request());
        }

        @Override
        public void onAck(SIPRequest ack, RouteHeader popped, Transport t, InetSocketAddress src) {
            again(ack);
        }

        @Override
        public void onCancel(ServerTransaction invite, ServerTransaction cancel) {
        }

        private void again(SIPRequest r) {
            handled.incrementAndGet();
            InternalTransport self = core.internalTransport();
            SIPRequest copy = (SIPRequest) r.clone();
            try {
                copy.addFirst(core.newVia(self, SipCore.branch(null)));
            } catch (javax.sip.SipException e) {
                throw new IllegalStateException(e);
            }
            self.send(MessageEncoder.encode(copy), self.localAddress());
        }
    };

    @AfterEach
    void stop() {
        if (core != null) {
            core.close();
        }
    }

    private void start() throws Exception {
        CoreConfig cfg = CoreConfig.defaults().withListen(List.of(ListenAddress.parse("udp:127.0.0.1:0")));
        core = new SipCore(cfg, host -> new InetAddress[] {InetAddress.getLoopbackAddress()});
        core.start(echo);
    }

    /** A request of this server to itself, with that Max-Forwards (null: none). */
    private static byte[] request(String method, int port, Integer maxForwards) {
        return SipBuilder.request(method, "sip:probe@127.0.0.1:" + port)
                .viaValue("SIP/2.0/UDP 127.0.0.1:" + port + ";branch=z9hG4bK-echo-" + method).maxForwards(maxForwards)
                .from("<sip:a@127.0.0.1>;tag=1").to("<sip:probe@127.0.0.1>;tag=2").callId("echo-" + method + "@test").bytes();
    }

    /** The delivered count once it has not moved for half a second (or after 5 s, moving or not). */
    private long settled() throws InterruptedException {
        long before;
        long after = core.internalTransport().delivered();
        int rounds = 0;
        do {
            before = after;
            Thread.sleep(500);
            after = core.internalTransport().delivered();
        } while (after != before && ++rounds < 10);
        return after;
    }

    @Test
    void anAckSentBackUnchangedGoesRoundAtMostSeventyTimes() throws Exception {
        start();
        InternalTransport self = core.internalTransport();
        self.send(request("ACK", self.advertisedPort(), 70), self.localAddress());
        assertEquals(70, settled(), "one pass per Max-Forwards");
        assertEquals(70, handled.get());
        assertEquals(1, core.statistics().get(CoreStatistics.Event.INTERNAL_DROPPED), "the ACK with none left");
    }

    @Test
    void anotherRequestSentBackUnchangedEndsWithA483() throws Exception {
        start();
        InternalTransport self = core.internalTransport();
        self.send(request("MESSAGE", self.advertisedPort(), 10), self.localAddress());
        long delivered = settled();
        assertEquals(9, handled.get(), "delivered with 9, 8 ... 1 and sent back; the one with 0 is answered by the core");
        assertTrue(delivered <= 11 + 11, "10 passes and the one answered 483, plus the responses: " + delivered);
        assertTrue(core.statistics().get("sent_replies_4xx") >= 1, "the request with no hop left got 483");
    }

    @Test
    void aRequestWithoutMaxForwardsIsNeverDelivered() throws Exception {
        start();
        InternalTransport self = core.internalTransport();
        self.send(request("ACK", self.advertisedPort(), null), self.localAddress());
        self.send(request("OPTIONS", self.advertisedPort(), null), self.localAddress());
        assertEquals(0, settled());
        assertEquals(2, core.statistics().get(CoreStatistics.Event.INTERNAL_DROPPED));
    }

    @Test
    void aFullQueueDropsAndCountsInsteadOfGrowing() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch first = new CountDownLatch(1);
        CoreStatistics stats = new CoreStatistics();
        InternalTransport self = new InternalTransport(InMemoryTransport.udp(), (data, via, source) -> {
            first.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, stats);
        self.start();
        try {
            byte[] response = "SIP/2.0 200 OK\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
            self.send(response, null);
            assertTrue(first.await(5, TimeUnit.SECONDS), "the reader took the first message and is stuck in it");
            int sent = InternalTransport.CAPACITY + 1000;
            for (int i = 0; i < sent; i++) {
                self.send(response, null);
            }
            assertEquals(1000, stats.get(CoreStatistics.Event.INTERNAL_DROPPED), "beyond the capacity, dropped");
            release.countDown();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (self.delivered() < 1 + InternalTransport.CAPACITY && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(1 + InternalTransport.CAPACITY, self.delivered(), "what was queued is delivered");
        } finally {
            release.countDown();
            self.close();
        }
    }
}
