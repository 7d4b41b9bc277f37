package org.olelo.resolver.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.core.stats.CoreStatistics.Event;
import org.olelo.core.testkit.Dnsmasq;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/** The cache keeps answers for their TTL, "no such name" for the negative TTL, failures briefly; queries are bounded. */
class DnsQueriesTest {

    @TempDir
    Path dir;

    @Test
    void answersAreKeptForTheirTtlThenAskedAgain() throws Exception {
        Dnsmasq.assumeInstalled();
        try (DnsTestServer dns = new DnsTestServer(dir, List.of())) {
            Name n = Name.fromString("a-only.test.");
            assertEquals(1, dns.queries.query(n, Type.A).size());
            assertEquals(1, dns.queries.query(n, Type.A).size());
            assertEquals(1, dns.count(Event.DNS_LOOKUP));
            assertEquals(1, dns.count(Event.DNS_CACHE_HIT));
            dns.clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(1_900)); // TTL 2 s: still fresh
            dns.queries.query(n, Type.A);
            assertEquals(1, dns.count(Event.DNS_LOOKUP));
            dns.clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(200)); // past the TTL
            assertEquals(1, dns.queries.query(n, Type.A).size());
            assertEquals(2, dns.count(Event.DNS_LOOKUP));
        }
    }

    @Test
    void noSuchNameIsKeptForTheNegativeTtl() throws Exception {
        Dnsmasq.assumeInstalled();
        try (DnsTestServer dns = new DnsTestServer(dir, List.of())) {
            Name n = Name.fromString("missing.example.test.");
            assertEquals(List.of(), dns.queries.query(n, Type.A));
            assertEquals(List.of(), dns.queries.query(n, Type.A));
            assertEquals(1, dns.count(Event.DNS_LOOKUP));
            dns.clock.addAndGet(TimeUnit.SECONDS.toNanos(dns.settings.negativeTtlSeconds() + 1));
            dns.queries.query(n, Type.A);
            assertEquals(2, dns.count(Event.DNS_LOOKUP));
            assertEquals(0, dns.count(Event.DNS_FAILURE));
        }
    }

    @Test
    void aServerThatDoesNotAnswerFailsInBoundedTimeAndTheFailureIsKeptBriefly() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            DnsSettings s = DnsSettings.parse(Map.of("dns.servers", "127.0.0.1:" + silent.getLocalPort(),
                    "dns.timeout.ms", "300", "dns.retries", "1"));
            AtomicLong clock = new AtomicLong();
            org.olelo.core.stats.CoreStatistics stats = new org.olelo.core.stats.CoreStatistics();
            DnsQueries q = new DnsQueries(s, s.servers(), stats, clock::get);
            long t0 = System.nanoTime();
            IOException e = assertThrows(IOException.class, () -> q.query(Name.fromString("example.test."), Type.NAPTR));
            long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertTrue(took < s.queryBudgetMillis(1) + 500, "took " + took + " ms");
            assertEquals("example.test. NAPTR: no DNS server answered in time", e.getMessage());
            assertEquals(1, stats.get(Event.DNS_FAILURE));
            long t1 = System.nanoTime();
            assertThrows(IOException.class, () -> q.query(Name.fromString("example.test."), Type.NAPTR));
            assertTrue(System.nanoTime() - t1 < TimeUnit.MILLISECONDS.toNanos(100), "the failure was not kept");
            assertEquals(1, stats.get(Event.DNS_LOOKUP));
            clock.addAndGet(TimeUnit.SECONDS.toNanos(DnsSettings.FAILURE_TTL_SECONDS + 1));
            assertThrows(IOException.class, () -> q.query(Name.fromString("example.test."), Type.NAPTR));
            assertEquals(2, stats.get(Event.DNS_LOOKUP));
        }
    }

    @Test
    void settingsAreCheckedNamingTheKey() {
        IOException e = assertThrows(IOException.class, () -> DnsSettings.parse(Map.of("dns.servers", "dns.example.com")));
        assertTrue(e.getMessage().startsWith("dns.servers: "), e.getMessage());
        e = assertThrows(IOException.class, () -> DnsSettings.parse(Map.of("dns.timeout.ms", "0")));
        assertTrue(e.getMessage().startsWith("dns.timeout.ms: "), e.getMessage());
        e = assertThrows(IOException.class, () -> DnsSettings.parse(Map.of("dns.enum.suffix", "bad suffix")));
        assertTrue(e.getMessage().startsWith("dns.enum.suffix: "), e.getMessage());
    }
}
