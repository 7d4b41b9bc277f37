package org.olelo.core.spi;

/**
 * Publishes the core's counters somewhere else: a metrics exporter (Prometheus, StatsD, JMX...).
 * The core finds reporters with {@link java.util.ServiceLoader}: a jar on the class path whose
 * {@code META-INF/services/org.olelo.core.spi.StatisticsReporter} names an implementation (with a
 * public no-argument constructor) is started with every core. The core counts on the message path
 * as it always does; a reporter only reads ({@link CoreCounters}), so it adds nothing per message.
 *
 * <p>Threads: {@link #start} is called once on the thread that starts the core, after its
 * listening points are open, and must return at once: a reporter reads the counters later on a
 * thread of its own (a scrape, a timer). {@link #stop} is called once on the thread that closes
 * the core. A reporter that throws is logged and left out; the core runs on without it.
 */
public interface StatisticsReporter {

    /**
     * Starts publishing.
     *
     * @param counters the live counters of the core that starts
     */
    void start(CoreCounters counters);

    /** Stops publishing and lets go of the counters; by default nothing. */
    default void stop() {
    }
}
