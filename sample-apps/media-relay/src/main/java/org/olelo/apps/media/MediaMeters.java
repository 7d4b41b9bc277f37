package org.olelo.apps.media;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.olelo.api.stats.Counter;
import org.olelo.api.stats.Statistics;
import org.olelo.apps.media.ng.NgInstance;

/**
 * Counters per rtpengine instance (label {@code instance="udp:HOST:PORT"}), group {@code rtpengine}:
 * {@code offers}, {@code answers}, {@code deletes} (commands it answered {@code ok}),
 * {@code failures} (commands it did not answer or refused), and the gauge {@code sessions} (media
 * sessions opened there and not yet deleted). Registered with the container's {@link Statistics}
 * when it offers them, else kept here only (read by {@code rtpengine.list}). One entry per
 * configured instance. Thread-safe; increments are lock-free.
 */
final class MediaMeters {

    /** The counters of one instance. */
    record Of(Counter offers, Counter answers, Counter deletes, Counter failures) {
    }

    private final Statistics statistics;
    private final Map<String, Of> byInstance = new ConcurrentHashMap<>();

    /** @param statistics the container's statistics, or null */
    MediaMeters(Statistics statistics) {
        this.statistics = statistics;
    }

    /** Registers the counters and the sessions gauge of {@code instance}. */
    void register(NgInstance instance) {
        of(instance);
        if (statistics != null) {
            try {
                statistics.gauge("rtpengine", "sessions", "media sessions open on the rtpengine instance",
                        instance::sessions, "instance", instance.name());
            } catch (IllegalArgumentException e) {
                // a name the registry refuses: rtpengine.list still shows it
            }
        }
    }

    /** The counters of {@code instance}, created at first use. */
    Of of(NgInstance instance) {
        return byInstance.computeIfAbsent(instance.name(), n -> new Of(
                counter("offers", "offers the rtpengine instance took", n),
                counter("answers", "answers the rtpengine instance took", n),
                counter("deletes", "media sessions the rtpengine instance deleted", n),
                counter("failures", "commands the rtpengine instance did not answer or refused", n)));
    }

    private Counter counter(String name, String help, String instance) {
        if (statistics != null) {
            try {
                return statistics.counter("rtpengine", name, help, "instance", instance);
            } catch (IllegalArgumentException e) {
                // counted here only
            }
        }
        return new Local();
    }

    /** A counter of this application only. */
    private static final class Local implements Counter {
        private final LongAdder sum = new LongAdder();

        @Override
        public void increment() {
            sum.increment();
        }

        @Override
        public void add(long amount) {
            sum.add(amount);
        }

        @Override
        public long count() {
            return sum.sum();
        }
    }
}
