package org.olelo.apps.dispatcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The probing rules without the network (destinations without URI: a probe is counted as sent,
 * never answered unless the test answers it); the integration test sends real OPTIONS.
 */
class ProberTest {

    private final List<String> log = new ArrayList<>();

    private Dispatcher dispatcher(int threshold, String... uris) throws Exception {
        DispatcherConfig config = new DispatcherConfig(1, Algorithm.ROUND_ROBIN, true, 1, threshold, "OPTIONS", null, false);
        List<Destination> list = new ArrayList<>();
        for (String u : uris) {
            list.add(Destination.of(1, u, 0, 0, "", ""));
        }
        Dispatcher d = new Dispatcher(config, new Dispatcher.Source() {
            @Override
            public List<Destination> load() {
                return list;
            }

            @Override
            public String describe() {
                return "test";
            }
        }, u -> null, new DispatcherStatistics(null), log::add);
        d.reload();
        return d;
    }

    @Test
    void missedProbesMakeADestinationInactiveAfterTheThreshold() throws Exception {
        Dispatcher d = dispatcher(2, "sip:a", "sip:b");
        Prober p = new Prober(d, null, log::add);
        LiveDestination a = d.all().get(0);
        LiveDestination b = d.all().get(1);
        p.tick();                                   // probes 1 out
        p.answered(new Prober.Probe(b, 1), 200);
        p.tick();                                   // a missed 1, probes 2 out
        assertEquals(DestinationState.ACTIVE, a.state());
        p.answered(new Prober.Probe(b, 2), 404);    // any final answer counts
        p.tick();                                   // a missed 2: inactive
        assertEquals(DestinationState.INACTIVE, a.state());
        assertEquals(DestinationState.ACTIVE, b.state());
        assertEquals(2, a.meters.probesFailed().count());
        assertEquals(0, b.meters.probesFailed().count());
        assertEquals(1, d.activeCount());
        assertEquals(List.of("dispatcher: destination sip:a (set 1) did not answer 2 OPTIONS probe(s) in a row:"
                + " active -> inactive, it gets no calls until it answers again"), log);
    }

    @Test
    void anAnswerBringsItBackButA408DoesNot() throws Exception {
        Dispatcher d = dispatcher(1, "sip:a");
        Prober p = new Prober(d, null, log::add);
        LiveDestination a = d.all().get(0);
        p.tick();
        p.tick();
        assertEquals(DestinationState.INACTIVE, a.state());
        p.answered(new Prober.Probe(a, 2), 408);
        assertEquals(DestinationState.INACTIVE, a.state(), "a timeout is no answer");
        p.answered(new Prober.Probe(a, 2), 503);
        assertEquals(DestinationState.ACTIVE, a.state());
        assertTrue(log.get(1).endsWith("answered a OPTIONS with 503: inactive -> active, it gets calls again"), log.get(1));
    }

    @Test
    void anOperatorsInactiveHoldsAndProbingComesBack() throws Exception {
        Dispatcher d = dispatcher(1, "sip:a");
        Prober p = new Prober(d, null, log::add);
        LiveDestination a = d.all().get(0);
        a.forced(DestinationState.INACTIVE);
        p.tick();
        p.answered(new Prober.Probe(a, 1), 200);
        assertEquals(DestinationState.INACTIVE, a.state(), "held by the operator");
        a.forced(DestinationState.PROBING);
        assertTrue(!a.routable());
        p.tick();
        p.answered(new Prober.Probe(a, 2), 200);
        assertEquals(DestinationState.ACTIVE, a.state());
    }
}
