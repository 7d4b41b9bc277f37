package org.olelo.apps.dispatcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AlgorithmTest {

    private static final CallKeys ANY = Sets.keys("c", "f", "t");

    private static Map<String, Integer> tally(Algorithm alg, DestinationSet set, int calls) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < calls; i++) {
            List<LiveDestination> order = alg.order(set, Sets.keys("call-" + i, "u" + i + "@a", "v" + i + "@b"));
            counts.merge(order.get(0).config.uri(), 1, Integer::sum);
        }
        return counts;
    }

    @Test
    void roundRobinAlternatesAndSkipsInactive() {
        DestinationSet set = Sets.plain(2);
        assertEquals(Map.of("sip:10.0.0.1", 5, "sip:10.0.0.2", 5), tally(Algorithm.ROUND_ROBIN, set, 10));
        set.members.get(1).probed(DestinationState.INACTIVE);
        assertEquals(Map.of("sip:10.0.0.1", 10), tally(Algorithm.ROUND_ROBIN, set, 10));
        set.members.get(1).probed(DestinationState.ACTIVE);
        assertEquals(Map.of("sip:10.0.0.1", 5, "sip:10.0.0.2", 5), tally(Algorithm.ROUND_ROBIN, set, 10));
    }

    @Test
    void failoverOrderHoldsEveryActiveDestinationOnce() {
        DestinationSet set = Sets.plain(3);
        set.members.get(0).forced(DestinationState.PROBING);
        List<LiveDestination> order = Algorithm.ROUND_ROBIN.order(set, ANY);
        assertEquals(List.of(set.members.get(1), set.members.get(2)), order);
        set.members.forEach(d -> d.forced(DestinationState.INACTIVE));
        assertTrue(Algorithm.ROUND_ROBIN.order(set, ANY).isEmpty());
    }

    @Test
    void hashesAreStableAndSpread() {
        DestinationSet set = Sets.plain(4);
        for (Algorithm alg : List.of(Algorithm.HASH_CALL_ID, Algorithm.HASH_FROM, Algorithm.HASH_TO)) {
            Set<String> chosen = new HashSet<>();
            for (int i = 0; i < 200; i++) {
                CallKeys k = Sets.keys("call-" + i, "u" + i + "@a", "v" + i + "@b");
                LiveDestination first = alg.order(set, k).get(0);
                assertEquals(first, alg.order(set, k).get(0), alg + " same key, same destination");
                chosen.add(first.config.uri());
            }
            assertEquals(4, chosen.size(), alg + " spreads over the set");
        }
        // the value itself is fixed: a restart maps a call to the same destination
        assertEquals(Algorithm.hash("a84b4c76e66710@pc33.example.com"), Algorithm.hash("a84b4c76e66710@pc33.example.com"));
        assertNotEquals(Algorithm.hash("call-1"), Algorithm.hash("call-2"));
        assertEquals(3_481_514_421L, Algorithm.hash("a84b4c76e66710@pc33.example.com"));
    }

    @Test
    void hashReadsOnlyItsKey() {
        DestinationSet set = Sets.plain(4);
        LiveDestination byFrom = Algorithm.HASH_FROM.order(set, Sets.keys("x", "alice@a", "y")).get(0);
        for (int i = 0; i < 20; i++) {
            assertEquals(byFrom, Algorithm.HASH_FROM.order(set, Sets.keys("call" + i, "alice@a", "to" + i)).get(0));
        }
    }

    @Test
    void hashMovesOnlyTheCallsOfAnInactiveDestination() {
        DestinationSet set = Sets.plain(3);
        Map<String, LiveDestination> before = new HashMap<>();
        for (int i = 0; i < 100; i++) {
            before.put("c" + i, Algorithm.HASH_CALL_ID.order(set, Sets.keys("c" + i, "", "")).get(0));
        }
        LiveDestination down = set.members.get(1);
        down.probed(DestinationState.INACTIVE);
        for (int i = 0; i < 100; i++) {
            LiveDestination now = Algorithm.HASH_CALL_ID.order(set, Sets.keys("c" + i, "", "")).get(0);
            if (before.get("c" + i) != down) {
                assertEquals(before.get("c" + i), now);
            } else {
                assertNotEquals(down, now);
            }
        }
    }

    @Test
    void priorityTakesTheHighestFirst() {
        LiveDestination low = Sets.live("sip:low", 1, "");
        LiveDestination high = Sets.live("sip:high", 10, "");
        LiveDestination mid = Sets.live("sip:mid", 5, "");
        DestinationSet set = Sets.of(low, high, mid);
        assertEquals(List.of(high, mid, low), Algorithm.PRIORITY.order(set, ANY));
        high.probed(DestinationState.INACTIVE);
        assertEquals(List.of(mid, low), Algorithm.PRIORITY.order(set, ANY));
    }

    @Test
    void weightsGiveExactSharesPerCycle() {
        DestinationSet set = Sets.of(Sets.live("sip:a", 0, "weight=50"), Sets.live("sip:b", 0, "weight=30"),
                Sets.live("sip:c", 0, "weight=20"));
        assertEquals(Map.of("sip:a", 500, "sip:b", 300, "sip:c", 200), tally(Algorithm.WEIGHT, set, 1000));
        // bounded at every point, not only per cycle: within any 100 calls each share is off by at most 1
        Map<String, Integer> partial = tally(Algorithm.WEIGHT, set, 37);
        assertTrue(Math.abs(partial.get("sip:a") - 18.5) <= 1.5, partial.toString());
        assertTrue(Math.abs(partial.get("sip:c") - 7.4) <= 1.5, partial.toString());
    }

    @Test
    void weightsSkipInactiveDestinations() {
        DestinationSet set = Sets.of(Sets.live("sip:a", 0, "weight=75"), Sets.live("sip:b", 0, "weight=25"));
        set.members.get(0).probed(DestinationState.INACTIVE);
        assertEquals(Map.of("sip:b", 100), tally(Algorithm.WEIGHT, set, 100));
    }

    @Test
    void callLoadPrefersTheLeastLoadedAndStopsAtMaxload() {
        LiveDestination a = Sets.live("sip:a", 0, "duid=a;maxload=2");
        LiveDestination b = Sets.live("sip:b", 0, "duid=b;maxload=1");
        DestinationSet set = Sets.of(a, b);
        assertEquals(List.of(a, b), Algorithm.CALL_LOAD.order(set, ANY));
        assertTrue(a.tryLoadUp());
        assertEquals(List.of(b, a), Algorithm.CALL_LOAD.order(set, ANY));
        assertTrue(b.tryLoadUp());
        assertTrue(a.tryLoadUp());
        assertTrue(Algorithm.CALL_LOAD.order(set, ANY).isEmpty(), "every destination at its maxload");
        assertTrue(!a.tryLoadUp() && !b.tryLoadUp(), "the limit holds even for a racing caller");
        a.loadDown();
        assertEquals(List.of(a), Algorithm.CALL_LOAD.order(set, ANY));
        assertEquals("a", a.config.duid());
    }

    @Test
    void dispatchedCallCountsLoadOnceAndGivesItBack() {
        LiveDestination a = Sets.live("sip:a", 0, "maxload=1");
        LiveDestination b = Sets.live("sip:b", 0, "maxload=1");
        DispatchedCall first = new DispatchedCall(null, List.of(a, b), true);
        assertEquals(a, first.advance());
        DispatchedCall second = new DispatchedCall(null, List.of(a, b), true);
        assertEquals(b, second.advance(), "a is full: the next one with room");
        first.release();
        first.release();
        assertEquals(0, a.load.get());
        assertEquals(1, b.load.get());
        second.release();
        assertEquals(0, b.load.get());
        assertEquals(null, second.advance());
    }

    @Test
    void unknownAlgorithmNumbersAreRefused() {
        for (int n : new int[] {3, 5, 6, 7, 11, 12, 13, -1}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Algorithm.of(n));
            assertTrue(e.getMessage().contains("unknown algorithm " + n), e.getMessage());
        }
        assertEquals(Algorithm.CALL_LOAD, Algorithm.of(10));
    }
}
