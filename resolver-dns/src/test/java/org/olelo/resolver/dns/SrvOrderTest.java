package org.olelo.resolver.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.SRVRecord;

/** RFC 2782 ordering: priority first, then a weighted draw inside one priority. */
class SrvOrderTest {

    private static SRVRecord srv(int priority, int weight, String target) throws Exception {
        return new SRVRecord(Name.fromString("_sip._udp.example.test."), DClass.IN, 60, priority, weight, 5060,
                Name.fromString(target + ".example.test."));
    }

    @Test
    void lowerPriorityAlwaysFirstWhateverTheWeights() throws Exception {
        List<SRVRecord> in = List.of(srv(20, 1000, "b"), srv(10, 1, "a"), srv(30, 0, "c"));
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < 1000; i++) {
            List<SRVRecord> out = SrvOrder.order(in, r);
            assertEquals(List.of("a", "b", "c"), out.stream().map(s -> s.getTarget().getLabelString(0)).toList());
        }
    }

    @Test
    void weightsSetHowOftenEachComesFirst() throws Exception {
        List<SRVRecord> in = List.of(srv(10, 60, "a"), srv(10, 30, "b"), srv(10, 10, "c"), srv(10, 0, "z"));
        SplittableRandom r = new SplittableRandom(42);
        int n = 20_000;
        int[] first = new int[4];
        for (int i = 0; i < n; i++) {
            List<SRVRecord> out = SrvOrder.order(in, r);
            assertEquals(4, out.size());
            first["abcz".indexOf(out.get(0).getTarget().getLabelString(0))]++;
        }
        // expected shares 60/101, 30/101, 10/101, 1/101 (the weight-0 target wins when the draw is 0)
        assertShare(first[0], n, 60 / 101.0);
        assertShare(first[1], n, 30 / 101.0);
        assertShare(first[2], n, 10 / 101.0);
        assertTrue(first[3] < n * 0.03, "weight 0 came first " + first[3] + " times");
    }

    @Test
    void theTargetDotMeansNoService() throws Exception {
        SRVRecord none = new SRVRecord(Name.fromString("_sip._udp.example.test."), DClass.IN, 60, 0, 0, 0, Name.root);
        assertEquals(List.of(), SrvOrder.order(List.of(none), new SplittableRandom(1)));
    }

    private static void assertShare(int count, int n, double expected) {
        double share = count / (double) n;
        assertTrue(Math.abs(share - expected) < 0.02, "share " + share + " expected " + expected);
    }
}
