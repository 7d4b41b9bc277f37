package org.olelo.apps.dispatcher;

import java.util.ArrayList;
import java.util.List;

/** Builds destination sets for the tests, without URIs to send to. */
final class Sets {

    private static final DispatcherStatistics STATS = new DispatcherStatistics(null);

    private Sets() {
    }

    static LiveDestination live(String uri, int priority, String attrs) {
        return new LiveDestination(Destination.of(1, uri, 0, priority, attrs, ""), null, STATS.meters(uri));
    }

    /** A set of {@code n} destinations sip:10.0.0.<i>, priority 0, no attributes. */
    static DestinationSet plain(int n) {
        List<LiveDestination> list = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            list.add(live("sip:10.0.0." + i, 0, ""));
        }
        return new DestinationSet(1, list);
    }

    static DestinationSet of(LiveDestination... members) {
        return new DestinationSet(1, List.of(members));
    }

    /** Keys that are the same for every call. */
    static CallKeys keys(String callId, String from, String to) {
        return new CallKeys() {
            @Override
            public String callId() {
                return callId;
            }

            @Override
            public String fromUri() {
                return from;
            }

            @Override
            public String toUri() {
                return to;
            }
        };
    }
}
