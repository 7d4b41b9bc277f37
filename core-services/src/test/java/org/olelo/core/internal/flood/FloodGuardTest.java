package org.olelo.core.internal.flood;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.olelo.core.flood.Cidr;
import org.olelo.core.flood.FloodSettings;
import org.olelo.core.stats.CoreStatistics;

/** Per-source request counting: the threshold, the block, exemptions, and a table that spoofing cannot grow. */
class FloodGuardTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000_000L);
    private final CoreStatistics stats = new CoreStatistics();

    private FloodGuard guard(int perSecond, String exempt) {
        return new FloodGuard(new FloodSettings(perSecond, 10, Cidr.parseList(exempt)), stats, nanos::get);
    }

    private static InetAddress ip(String s) throws Exception {
        return InetAddress.getByName(s);
    }

    private static InetAddress ip(int i) throws Exception {
        return InetAddress.getByAddress(new byte[] {10, (byte) (i >> 16), (byte) (i >> 8), (byte) i});
    }

    @Test
    void aSourceOverTheRateIsBlockedForTheBlockTimeThenCountedAfresh() throws Exception {
        FloodGuard g = guard(100, "");
        InetAddress a = ip("192.0.2.7");
        for (int i = 0; i < 100; i++) {
            assertTrue(g.admit(a), "request " + i);
        }
        assertFalse(g.admit(a), "the 101st in the same second");
        assertEquals(1, stats.get(CoreStatistics.Event.FLOOD_BLOCKED));
        nanos.addAndGet(9_000_000_000L);
        assertFalse(g.admit(a), "still blocked 9 s later");
        assertTrue(g.admit(ip("192.0.2.8")), "another source is not affected");
        nanos.addAndGet(1_000_000_001L);
        assertTrue(g.admit(a), "after 10 s it may send again");
        assertEquals(1, stats.get(CoreStatistics.Event.FLOOD_BLOCKED));
        assertEquals(2, stats.get(CoreStatistics.Event.FLOOD_DROPPED));
    }

    @Test
    void theCountStartsAgainEachSecond() throws Exception {
        FloodGuard g = guard(100, "");
        InetAddress a = ip("2001:db8::7");
        for (int s = 0; s < 5; s++) {
            for (int i = 0; i < 100; i++) {
                assertTrue(g.admit(a));
            }
            nanos.addAndGet(1_000_000_000L);
        }
        assertEquals(0, stats.get(CoreStatistics.Event.FLOOD_BLOCKED), "100 a second for 5 s is within the rate");
    }

    @Test
    void exemptSourcesAreNeverBlocked() throws Exception {
        FloodGuard g = guard(10, "127.0.0.0/8, 2001:db8::/32");
        for (int i = 0; i < 1000; i++) {
            assertTrue(g.admit(ip("127.0.0.3")));
            assertTrue(g.admit(ip("2001:db8:1::5")));
        }
        for (int i = 0; i < 10; i++) {
            assertTrue(g.admit(ip("2001:db9::5")));
        }
        assertFalse(g.admit(ip("2001:db9::5")), "outside the exempt block");
    }

    @Test
    void sixtyThousandSpoofedSourcesDoNotGrowTheTableNorFreeTheFlooder() throws Exception {
        FloodGuard g = guard(100, "");
        InetAddress flooder = ip("192.0.2.66");
        int dropped = 0;
        for (int round = 0; round < 3; round++) {           // about three seconds of traffic
            for (int i = 0; i < 60_000; i++) {
                nanos.addAndGet(16_000);                      // 60,600 requests take 0.97 s
                assertTrue(g.admit(ip(i)), "a spoofed source sends about once a second: within the rate");
                if (i % 100 == 0) {                           // 600 a second from the flooder
                    nanos.addAndGet(16_000);
                    if (!g.admit(flooder)) {
                        dropped++;
                    }
                }
            }
            assertTrue(g.size() <= FloodGuard.BUCKETS * FloodGuard.WAYS, "the table holds " + g.size());
        }
        assertEquals(1800 - 100, dropped, "the flooder is blocked at its 101st request and stays blocked through the churn");
        assertEquals(1, stats.get(CoreStatistics.Event.FLOOD_BLOCKED));
        assertTrue(g.size() > FloodGuard.BUCKETS * FloodGuard.WAYS * 9 / 10, "nearly full, and no larger: " + g.size());
    }

    @Test
    void addressBlocksParseAndPrintAndOnlyLiteralsAreAccepted() throws Exception {
        assertEquals(List.of("127.0.0.0/8", "::1", "2001:db8::/32", "192.0.2.7", "10.0.0.0/8"),
                Cidr.parseList("127.0.0.1/8, ::1 ,[2001:db8::1]/32,192.0.2.7,10.1.2.3/8").stream().map(Cidr::toString).toList());
        assertTrue(Cidr.parse("10.0.0.0/8").contains(ip("10.200.3.4")));
        assertFalse(Cidr.parse("10.0.0.0/8").contains(ip("11.0.0.1")));
        assertFalse(Cidr.parse("::/0").contains(ip("10.0.0.1")), "an IPv4 address is not in an IPv6 block");
        assertTrue(Cidr.parse("0.0.0.0/0").contains(ip("203.0.113.9")));
        assertEquals(List.of(), Cidr.parseList(" "));
        for (String bad : new String[] {"example.com", "10.0.0.0/33", "::1/129", "10.0.0/8", "10.0.0.0/x"}) {
            assertThrows(IllegalArgumentException.class, () -> Cidr.parse(bad), bad);
        }
    }
}
