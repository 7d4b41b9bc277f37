package org.olelo.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.sip.address.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.olelo.core.message.SipMessages;
import org.olelo.core.routing.Hop;
import org.olelo.core.spi.LookupFailedException;
import org.olelo.core.spi.SipServerLocator;
import org.olelo.core.testkit.AnsweringHandler;
import org.olelo.core.transport.ListenAddress;

/**
 * The core with a {@link SipServerLocator}: every target a listening point can send to, in the
 * locator's order; the non-blocking form answers on a thread of its own while the locator blocks;
 * a name DNS does not know goes to the system resolver, a DNS failure does not.
 */
class LocatedHopsTest {

    /** A locator that answers from a table, and blocks on {@code slow.test} until released. */
    private static final class TableLocator implements SipServerLocator {
        final CountDownLatch release = new CountDownLatch(1);
        volatile Query last;

        @Override
        public List<Target> locate(Query q) throws UnknownHostException {
            last = q;
            InetAddress lo = InetAddress.getLoopbackAddress();
            return switch (q.host()) {
                case "two.test" -> List.of(new Target("TLS", lo, 5061), new Target("UDP", lo, 5071), new Target("TCP", lo, 5072));
                case "slow.test" -> {
                    try {
                        release.await(5, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    yield List.of(new Target("UDP", lo, 5090));
                }
                case "broken.test" -> throw new LookupFailedException("broken.test. NAPTR: no DNS server answered in time");
                default -> throw new UnknownHostException(q.host() + ": no SIP server found");
            };
        }

        @Override
        public String enumDomain(String number) {
            return number;
        }

        @Override
        public List<String> enumUris(String number) throws IOException {
            return List.of();
        }

        @Override
        public List<String> records(String name, String type) {
            return List.of();
        }

        @Override
        public void close() {
        }
    }

    private final TableLocator locator = new TableLocator();
    private SipCore core;

    private void start() throws Exception {
        core = new SipCore(CoreConfig.defaults().withListen(List.of(ListenAddress.parse("udp:127.0.0.1:0"),
                ListenAddress.parse("tcp:127.0.0.1:0"))), host -> {
                    if (host.equals("hosts-file.test")) {
                        return new InetAddress[] {InetAddress.getByName("127.0.0.9")};
                    }
                    throw new UnknownHostException(host);
                });
        core.useLocator(locator);
        core.start(new AnsweringHandler(200));
    }

    @AfterEach
    void stop() {
        locator.release.countDown();
        if (core != null) {
            core.close();
        }
    }

    private static URI uri(String text) throws Exception {
        return SipMessages.ADDRESSES.createURI(text);
    }

    @Test
    void everyTargetWithAListeningPointInTheLocatorsOrder() throws Exception {
        start();
        List<Hop> hops = core.resolveAll(uri("sip:bob@two.test"), "TCP");
        assertEquals(List.of("udp:127.0.0.1:5071", "tcp:127.0.0.1:5072"), hops.stream().map(Hop::toString).toList(),
                "the TLS target is skipped: no TLS listening point");
        SipServerLocator.Query q = locator.last;
        assertEquals(java.util.Set.of("UDP", "TCP"), q.transports());
        assertEquals("TCP", q.preferred(), "the transport the request came in on");
        assertEquals("udp:127.0.0.1:5071", core.resolve(uri("sip:bob@two.test")).toString());
        core.resolveAll(uri("sips:bob@Two.Test:5099;transport=tcp"), null);
        assertEquals(new SipServerLocator.Query(true, "two.test", 5099, "TCP", java.util.Set.of("UDP", "TCP"), null), locator.last);
    }

    @Test
    void theNonBlockingFormAnswersOnAThreadOfItsOwn() throws Exception {
        start();
        CompletableFuture<Hop> got = new CompletableFuture<>();
        Thread caller = Thread.currentThread();
        AtomicReference<Thread> on = new AtomicReference<>();
        core.resolve(uri("sip:bob@slow.test"), null, h -> {
            on.set(Thread.currentThread());
            got.complete(h);
        }, got::completeExceptionally);
        Thread.sleep(100);
        assertEquals(false, got.isDone(), "the locator still blocks, the caller did not wait for it");
        locator.release.countDown();
        assertEquals("udp:127.0.0.1:5090", got.get(5, TimeUnit.SECONDS).toString());
        assertNotEquals(caller, on.get());
    }

    @Test
    void aNameDnsDoesNotKnowGoesToTheSystemResolverButADnsFailureDoesNot() throws Exception {
        start();
        assertEquals("udp:127.0.0.9:5060", core.resolve(uri("sip:bob@hosts-file.test")).toString());
        CompletableFuture<Hop> got = new CompletableFuture<>();
        core.resolve(uri("sip:bob@hosts-file.test"), null, got::complete, got::completeExceptionally);
        assertEquals("udp:127.0.0.9:5060", got.get(5, TimeUnit.SECONDS).toString());
        assertThrows(LookupFailedException.class, () -> core.resolve(uri("sip:bob@broken.test")));
        CompletableFuture<Hop> failed = new CompletableFuture<>();
        core.resolve(uri("sip:bob@broken.test"), null, failed::complete, failed::completeExceptionally);
        java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
                () -> failed.get(5, TimeUnit.SECONDS));
        assertInstanceOf(LookupFailedException.class, e.getCause());
    }
}
