package org.olelo.apps.media.ng;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NgInstancesTest {

    @Test
    void parsesInstancesWithWeights() {
        NgInstances all = NgInstances.parse(" udp:127.0.0.1:2223;weight=3 , udp:[::1]:2224, UDP:127.0.0.2:9;weight=0");
        assertEquals(List.of("udp:127.0.0.1:2223;weight=3", "udp:[0:0:0:0:0:0:0:1]:2224;weight=1", "udp:127.0.0.2:9;weight=0"),
                all.all().stream().map(NgInstance::toString).toList());
        assertTrue(all.named("udp:127.0.0.2:9").isPresent());
    }

    @Test
    void refusesBadEntriesNamingThem() {
        for (String bad : new String[] {"", "tcp:127.0.0.1:1", "udp:127.0.0.1", "udp:127.0.0.1:0", "udp:127.0.0.1:70000",
            "udp:::1:5", "udp:127.0.0.1:5;weight=-1", "udp:127.0.0.1:5;w=1", "udp:127.0.0.1:x"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NgInstances.parse(bad), bad);
            assertTrue(bad.isEmpty() || e.getMessage().contains(bad), e.getMessage());
        }
    }

    @Test
    void firstChoiceFollowsTheWeights() {
        NgInstances all = NgInstances.parse("udp:127.0.0.1:1;weight=1, udp:127.0.0.1:2;weight=3, udp:127.0.0.1:3;weight=0");
        Random random = new Random(1);
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < 40_000; i++) {
            List<NgInstance> order = all.order(0, random::nextDouble);
            assertEquals(3, order.size());
            assertEquals("udp:127.0.0.1:3", order.get(2).name(), "the spare is always last");
            first.merge(order.get(0).name(), 1, Integer::sum);
        }
        assertEquals(null, first.get("udp:127.0.0.1:3"));
        double share = first.get("udp:127.0.0.1:2") / 40_000.0;
        assertTrue(share > 0.73 && share < 0.77, "weight 3 of 4 takes about 75%: " + share);
    }

    @Test
    void edgesOfTheRandomNumberNeverPickASpareOrFail() {
        NgInstances all = NgInstances.parse("udp:127.0.0.1:1;weight=0, udp:127.0.0.1:2;weight=2, udp:127.0.0.1:3;weight=0");
        assertEquals("udp:127.0.0.1:2", all.order(0, () -> 0.0).get(0).name());
        assertEquals("udp:127.0.0.1:2", all.order(0, () -> Math.nextDown(1.0)).get(0).name());
    }

    @Test
    void disabledInstancesComeLastUntilTheirTimeIsUp() {
        NgInstances all = NgInstances.parse("udp:127.0.0.1:1;weight=100, udp:127.0.0.1:2;weight=1, udp:127.0.0.1:3;weight=1");
        all.all().get(0).disable(5_000);
        all.all().get(1).disable(4_000);
        List<NgInstance> order = all.order(1_000, () -> 0.0);
        assertEquals(List.of("udp:127.0.0.1:3", "udp:127.0.0.1:2", "udp:127.0.0.1:1"), order.stream().map(NgInstance::name).toList());
        assertEquals("udp:127.0.0.1:1", all.order(5_000, () -> 0.0).get(0).name(), "retried once the time is up");
        all.all().get(0).enable();
        assertEquals("udp:127.0.0.1:1", all.order(1_000, () -> 0.0).get(0).name());
    }
}
