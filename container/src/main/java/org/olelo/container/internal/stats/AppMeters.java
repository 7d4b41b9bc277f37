package org.olelo.container.internal.stats;

import java.util.function.IntSupplier;
import org.olelo.api.stats.Statistics;

/**
 * The statistics of one deployed version of an application: what it registers through
 * {@link Statistics#ATTRIBUTE}, plus the container's gauge of its application sessions
 * ({@code app.sessions{application=<name>}}, every version counted). All of it goes when the
 * version is undeployed; a meter that another version registered too stays with that version. An
 * application may not register in the container's groups ({@code sip}, {@code dialog}, {@code acc},
 * {@code auth}, {@code app}, {@code jvm}).
 * Called on the deployer thread.
 */
public final class AppMeters {

    private AppMeters() {
    }

    /**
     * Opens the statistics of a version about to be deployed.
     *
     * @param registry the server's statistics
     * @param appName  the application's name
     * @param sessions the live application sessions of all the application's versions
     */
    public static Statistics open(StatisticsRegistry registry, String appName, IntSupplier sessions) {
        OwnedStatistics s = registry.application(appName);
        registry.gauge(s, MeterKey.of("app", "sessions", "application", appName),
                "application sessions in progress, by application", sessions::getAsInt);
        return s;
    }

    /** Removes what the version registered; null or a foreign object is ignored. */
    public static void close(Statistics statistics) {
        if (statistics instanceof OwnedStatistics s) {
            s.close();
        }
    }
}
