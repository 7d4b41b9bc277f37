package org.olelo.core.internal.stats;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.olelo.core.spi.CoreCounters;
import org.olelo.core.spi.StatisticsReporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link StatisticsReporter}s of one core: found with {@link ServiceLoader} and started when
 * the core starts, stopped when it closes. A reporter that cannot be loaded or throws is logged
 * (WARN) and left out. Used on the threads that start and close the core.
 */
public final class StatisticsReporters {

    private static final Logger LOG = LoggerFactory.getLogger(StatisticsReporters.class);

    private final List<StatisticsReporter> started;

    private StatisticsReporters(List<StatisticsReporter> started) {
        this.started = started;
    }

    /** Starts every reporter on the class path with the given counters. */
    public static StatisticsReporters start(CoreCounters counters) {
        List<StatisticsReporter> started = new ArrayList<>();
        Iterator<StatisticsReporter> it = ServiceLoader.load(StatisticsReporter.class, StatisticsReporter.class.getClassLoader())
                .iterator();
        while (true) {
            StatisticsReporter r;
            try {
                if (!it.hasNext()) {
                    break;
                }
                r = it.next();
            } catch (ServiceConfigurationError e) {
                LOG.warn("a statistics reporter cannot be loaded, the server runs without it: {}", e.getMessage());
                continue;
            }
            try {
                r.start(counters);
                started.add(r);
            } catch (RuntimeException e) {
                LOG.warn("statistics reporter {} failed to start, the server runs without it", r.getClass().getName(), e);
            }
        }
        return new StatisticsReporters(List.copyOf(started));
    }

    /** Stops the started reporters. */
    public void stop() {
        for (StatisticsReporter r : started) {
            try {
                r.stop();
            } catch (RuntimeException e) {
                LOG.warn("statistics reporter {} failed to stop", r.getClass().getName(), e);
            }
        }
    }
}
