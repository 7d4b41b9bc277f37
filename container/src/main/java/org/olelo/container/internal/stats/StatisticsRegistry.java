package org.olelo.container.internal.stats;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.olelo.api.stats.Statistics;

/**
 * Every statistic of one server: the SIP core's, the container's and the applications', each
 * registered once with a group, a name, a help line and labels, and exported in two views:
 * <ul>
 * <li>{@link #scrape()}: Prometheus text through Micrometer's Prometheus registry
 *     ({@link PrometheusExport}), as {@code olelo_<group>_<name>} (counters with {@code _total}),
 *     with the JVM's memory, GC, thread and class-loading meters from Micrometer's binders as
 *     {@code olelo_jvm_*}. Counters there are totals since start: a reset never makes them go
 *     back, so {@code rate()} holds. Micrometer and the JVM binders are set up at the first
 *     scrape, so they cost nothing at start-up (the JVM's GC counters count from then).</li>
 * <li>{@link #snapshot(String)}: the {@code stats.get_statistics} view, by {@code group.name} with
 *     labels in braces, where counters and timers count from the last {@link #reset(String)}.</li>
 * </ul>
 * Micrometer is used because it is well kept, writes the Prometheus text format and brings the
 * JVM binders; its own counters cannot be reset, so meters are ours ({@link ResettableCounter},
 * a {@code LongAdder}; {@link SharedGauge}; {@link ResettableTimer}) exported as function meters.
 *
 * <p>Registration is rare (start, deployment) and synchronized; what it returns is used lock-free
 * on the message path. Meters are registered by an owner ({@link #owner}: the container, or one
 * version of an application) and removed with {@link #release} when their last owner goes. At
 * most {@value #MAX_METERS} meters: registrations beyond are refused. Reads run on the caller's
 * thread, at the pace of a scrape: a snapshot takes no lock, a scrape takes it only to find (the
 * first time, to make) the export.
 */
public final class StatisticsRegistry implements AutoCloseable {

    /** Most meters (one per group, name and labels) the registry holds. */
    static final int MAX_METERS = 10_000;
    /** The content type of {@link #scrape()}: Prometheus text format 0.0.4. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    /** The groups of the core and the container, which applications may not register in. */
    static final Set<String> CONTAINER_GROUPS = Set.of("sip", "dialog", "acc", "auth", "app", "jvm");

    enum Kind { COUNTER, GAUGE, TIMER }

    /**
     * One registered meter: ours ({@link ResettableCounter}, {@link SharedGauge}, {@link ResettableTimer}),
     * its owners, and what the export made of it (null before the first scrape).
     */
    static final class Entry {
        private final MeterKey key;
        private final Kind kind;
        private final String help;
        private final Object meter;
        private final Set<Object> owners = new HashSet<>();
        private Object exported;

        Entry(MeterKey key, Kind kind, String help, Object meter) {
            this.key = key;
            this.kind = kind;
            this.help = help == null ? "" : help;
            this.meter = meter;
        }

        MeterKey key() {
            return key;
        }

        Kind kind() {
            return kind;
        }

        String help() {
            return help;
        }

        Object meter() {
            return meter;
        }
    }

    private record Shape(Kind kind, Set<String> labelNames) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, Shape> shapes = new HashMap<>();
    private final Statistics container;
    private PrometheusExport export; // made at the first scrape
    private boolean closed;

    /** An empty registry. */
    public StatisticsRegistry() {
        container = owner("container");
    }

    /** Where the container's own pieces (core, security, dialogs, accounting) register their meters. */
    public Statistics container() {
        return container;
    }

    /**
     * A view of the registry whose registrations belong to {@code owner}; {@link OwnedStatistics#close()}
     * removes what only it registered.
     *
     * @param owner a label for the log, e.g. the application's name
     */
    public OwnedStatistics owner(String owner) {
        return new OwnedStatistics(this, owner, Set.of());
    }

    /**
     * The statistics of one deployed version of an application: like {@link #owner}, but the
     * container's groups ({@code sip}, {@code dialog}, {@code acc}, {@code auth}, {@code app},
     * {@code jvm}) are refused.
     */
    OwnedStatistics application(String appName) {
        return new OwnedStatistics(this, appName, CONTAINER_GROUPS);
    }

    // ------------------------------------------------------------------ registration

    synchronized ResettableCounter counter(Object owner, MeterKey key, String help, LongSupplier source) {
        Entry e = existing(owner, key, Kind.COUNTER);
        if (e != null) {
            return (ResettableCounter) e.meter();
        }
        ResettableCounter c = source == null ? ResettableCounter.counting() : ResettableCounter.reading(source);
        add(owner, new Entry(key, Kind.COUNTER, help, c));
        return c;
    }

    synchronized void gauge(Object owner, MeterKey key, String help, LongSupplier value) {
        Entry e = existing(owner, key, Kind.GAUGE);
        if (e != null) {
            ((SharedGauge) e.meter()).add(owner, value);
            return;
        }
        SharedGauge g = new SharedGauge(key.text());
        g.add(owner, value);
        add(owner, new Entry(key, Kind.GAUGE, help, g));
    }

    synchronized ResettableTimer timer(Object owner, MeterKey key, String help) {
        Entry e = existing(owner, key, Kind.TIMER);
        if (e != null) {
            return (ResettableTimer) e.meter();
        }
        ResettableTimer t = new ResettableTimer();
        add(owner, new Entry(key, Kind.TIMER, help, t));
        return t;
    }

    /** The entry under this key, now also the owner's; null when there is none yet (and room for it). */
    private Entry existing(Object owner, MeterKey key, Kind kind) {
        Shape shape = shapes.get(key.fullName());
        if (shape != null && shape.kind() != kind) {
            throw new IllegalArgumentException(key.fullName() + " is already registered as a " + shape.kind().name().toLowerCase());
        }
        if (shape != null && !shape.labelNames().equals(key.labels().keySet())) {
            throw new IllegalArgumentException(key.fullName() + " is already registered with the labels "
                    + shape.labelNames() + ", not " + key.labels().keySet());
        }
        Entry e = entries.get(key.text());
        if (e != null) {
            e.owners.add(owner);
            return e;
        }
        if (entries.size() >= MAX_METERS) {
            throw new IllegalStateException("too many statistics: at most " + MAX_METERS);
        }
        return null;
    }

    private void add(Object owner, Entry e) {
        if (closed) {
            throw new IllegalStateException("the statistics are closed");
        }
        e.owners.add(owner);
        if (export != null) {
            e.exported = export.add(e);
        }
        entries.put(e.key().text(), e);
        shapes.putIfAbsent(e.key().fullName(), new Shape(e.kind(), Set.copyOf(e.key().labels().keySet())));
    }

    /** Removes the owner from every meter it registered; a meter left without owner is removed. */
    synchronized void release(Object owner) {
        for (Entry e : List.copyOf(entries.values())) {
            if (!e.owners.remove(owner)) {
                continue;
            }
            boolean gaugeEmpty = e.kind() == Kind.GAUGE && ((SharedGauge) e.meter()).remove(owner);
            if (e.owners.isEmpty() || gaugeEmpty) {
                entries.remove(e.key().text());
                if (e.exported != null) {
                    export.remove(e.exported);
                }
            }
        }
        Set<String> left = new HashSet<>();
        entries.values().forEach(e -> left.add(e.key().fullName()));
        shapes.keySet().retainAll(left);
    }

    // ------------------------------------------------------------------ reading

    /**
     * Prometheus text format 0.0.4 ({@link #CONTENT_TYPE}) of every meter, the JVM's included. The
     * first call sets up Micrometer (a few hundred milliseconds); later ones take a few.
     */
    public String scrape() {
        return exporter().scrape();
    }

    private synchronized PrometheusExport exporter() {
        if (closed) {
            throw new IllegalStateException("the statistics are closed");
        }
        if (export == null) {
            PrometheusExport x = new PrometheusExport();
            for (Entry e : entries.values()) {
                e.exported = x.add(e);
            }
            export = x;
        }
        return export;
    }

    /**
     * The statistics that {@code selector} names, by {@code group.name{labels}}, sorted: counters
     * since their last reset, gauges as read now (left out when unreadable), timers as
     * {@code name_count} and {@code name_sum_ms}. Empty when nothing matches.
     *
     * @param selector {@code all}, a group ({@code sip}) or one {@code group.name}; null means all
     * @throws IllegalArgumentException when the selector is malformed
     */
    public Map<String, Long> snapshot(String selector) {
        StatSelector s = StatSelector.parse(selector);
        Map<String, Long> out = new TreeMap<>();
        for (Entry e : entries.values()) {
            if (!s.matches(e.key())) {
                continue;
            }
            switch (e.kind()) {
                case COUNTER -> out.put(e.key().text(), ((ResettableCounter) e.meter()).count());
                case GAUGE -> {
                    Long v = ((SharedGauge) e.meter()).read();
                    if (v != null) {
                        out.put(e.key().text(), v);
                    }
                }
                case TIMER -> {
                    ResettableTimer t = (ResettableTimer) e.meter();
                    out.put(suffixed(e.key(), "_count"), t.count());
                    out.put(suffixed(e.key(), "_sum_ms"), t.totalNanos() / 1_000_000);
                }
            }
        }
        return out;
    }

    private static String suffixed(MeterKey k, String suffix) {
        return new MeterKey(k.group(), k.name() + suffix, k.labels()).text();
    }

    /**
     * Starts the counters and timers that {@code selector} names from 0 again in {@link #snapshot};
     * gauges and the Prometheus totals are not changed.
     *
     * @return how many statistics matched (gauges included)
     * @throws IllegalArgumentException when the selector is malformed
     */
    public int reset(String selector) {
        StatSelector s = StatSelector.parse(selector);
        int n = 0;
        for (Entry e : entries.values()) {
            if (s.matches(e.key())) {
                n++;
                if (e.meter() instanceof ResettableCounter c) {
                    c.reset();
                } else if (e.meter() instanceof ResettableTimer t) {
                    t.reset();
                }
            }
        }
        return n;
    }

    /** Stops the export (the JVM's GC listeners) and empties the registry; later registrations are refused. */
    @Override
    public synchronized void close() {
        closed = true;
        if (export != null) {
            export.close();
        }
        entries.clear();
        shapes.clear();
    }
}
