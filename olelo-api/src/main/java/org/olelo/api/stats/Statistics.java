package org.olelo.api.stats;

import java.util.function.LongSupplier;

/**
 * Where an application registers its statistics. The container puts the application's instance
 * in its {@code ServletContext} under {@link #ATTRIBUTE}; what it registers is removed when the
 * application is undeployed. Thread-safe.
 */
public interface Statistics {

    /** The {@code ServletContext} attribute that holds the application's {@code Statistics}. */
    String ATTRIBUTE = "org.olelo.api.stats.Statistics";

    /**
     * A counter that only grows (until {@code stats.reset_statistics}).
     *
     * @param group  the group ({@code sip}, {@code registrar}, {@code lcr}), the first part of the name
     * @param name   the name within the group
     * @param help   one line saying what is counted
     * @param labels label names and values, alternating ({@code "method", "INVITE"})
     * @throws IllegalArgumentException for a malformed name, an odd number of label strings, or a
     *                                  name already registered as another kind of meter
     */
    Counter counter(String group, String name, String help, String... labels);

    /**
     * A gauge: a value read when the statistics are read.
     *
     * @param value read on the thread that reads the statistics; must be cheap and thread-safe
     */
    void gauge(String group, String name, String help, LongSupplier value, String... labels);

    /** A timer: a count and a sum of durations, with the largest recent one. */
    Timer timer(String group, String name, String help, String... labels);
}
