package org.olelo.container.internal.stats;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
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
 * <li>{@link #scrape()}: Prometheus text through Micrometer's {@link PrometheusMeterRegistry},
 *     as {@code olelo_<group>_<name>} (counters with {@code _total}), with the JVM's memory, GC,
 *     thread and class-loading meters from Micrometer's binders as {@code olelo_jvm_*}. Counters
 *     there are totals since start: a reset never makes them go back, so {@code rate()} holds.</li>
 * <li>{@link #snapshot(String)}: the {@code stats.get_statistics} view, by {@code group.name} with
 *     labels in braces, where counters and timers count from the last {@link #reset(String)}.</li>
 * </ul>
 * Micrometer is used because it is well kept, writes the Prometheus text format and brings the
 * JVM binders; its own counters cannot be reset, so counters are ours ({@link ResettableCounter},
 * a {@code LongAdder}) exported as function counters.
 *
 * <p>Registration is rare (start, deployment) and synchronized; what it returns is used lock-free
 * on the message path. Meters are registered by an owner ({@link #owner}: the container, or one
 * version of an application) and removed with {@link #release} when their last owner goes. At
 * most {@value #MAX_METERS} meters: registrations beyond are refused. Reads (scrape, snapshot)
 * run on the caller's thread, at the pace of a scrape, and take no lock.
 */
public final class StatisticsRegistry implements AutoCloseable {

    /** Most meters (one per group, name and labels) the registry holds. */
    static final int MAX_METERS = 10_000;
    /** The content type of {@link #scrape()}: Prometheus text format 0.0.4. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    enum Kind { COUNTER, GAUGE, TIMER }

    /** One registered meter: ours ({@link ResettableCounter}, {@link SharedGauge}, {@link ResettableTimer}) and Micrometer's. */
    record Entry(MeterKey key, Kind kind, Object meter, Meter exported, Set<Object> owners) {
    }

    private record Shape(Kind kind, Set<String> labelNames) {
    }

    private final PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, Shape> shapes = new HashMap<>();
    private final List<AutoCloseable> binders = new ArrayList<>();
    private final Statistics container;

    /** A registry with the JVM's meters bound. */
    public StatisticsRegistry() {
        prometheus.config().meterFilter(new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                return id.getName().startsWith("olelo.") ? id : id.withName("olelo." + id.getName());
            }
        });
        JvmGcMetrics gc = new JvmGcMetrics();
        for (MeterBinder b : List.of(new JvmMemoryMetrics(), gc, new JvmThreadMetrics(), new ClassLoaderMetrics())) {
            b.bindTo(prometheus);
        }
        binders.add(gc);
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
        return new OwnedStatistics(this, owner);
    }

    // ------------------------------------------------------------------ registration

    synchronized ResettableCounter counter(Object owner, MeterKey key, String help, LongSupplier source) {
        Entry e = existing(owner, key, Kind.COUNTER);
        if (e != null) {
            return (ResettableCounter) e.meter();
        }
        ResettableCounter c = source == null ? ResettableCounter.counting() : ResettableCounter.reading(source);
        Meter m = FunctionCounter.builder(key.meterName(), c, ResettableCounter::total).description(help)
                .tags(key.tags()).register(prometheus);
        add(owner, key, Kind.COUNTER, c, m);
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
        Meter m = Gauge.builder(key.meterName(), g, SharedGauge::value).description(help).tags(key.tags())
                .strongReference(true).register(prometheus);
        add(owner, key, Kind.GAUGE, g, m);
    }

    synchronized ResettableTimer timer(Object owner, MeterKey key, String help) {
        Entry e = existing(owner, key, Kind.TIMER);
        if (e != null) {
            return (ResettableTimer) e.meter();
        }
        io.micrometer.core.instrument.Timer t = io.micrometer.core.instrument.Timer.builder(key.meterName())
                .description(help).tags(key.tags()).register(prometheus);
        ResettableTimer r = new ResettableTimer(t);
        add(owner, key, Kind.TIMER, r, t);
        return r;
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
            e.owners().add(owner);
            return e;
        }
        if (entries.size() >= MAX_METERS) {
            throw new IllegalStateException("too many statistics: at most " + MAX_METERS);
        }
        return null;
    }

    private void add(Object owner, MeterKey key, Kind kind, Object meter, Meter exported) {
        Set<Object> owners = new HashSet<>();
        owners.add(owner);
        entries.put(key.text(), new Entry(key, kind, meter, exported, owners));
        shapes.putIfAbsent(key.fullName(), new Shape(kind, Set.copyOf(key.labels().keySet())));
    }

    /** Removes the owner from every meter it registered; a meter left without owner is removed. */
    synchronized void release(Object owner) {
        for (Entry e : List.copyOf(entries.values())) {
            if (!e.owners().remove(owner)) {
                continue;
            }
            boolean gaugeEmpty = e.kind() == Kind.GAUGE && ((SharedGauge) e.meter()).remove(owner);
            if (e.owners().isEmpty() || gaugeEmpty) {
                entries.remove(e.key().text());
                prometheus.remove(e.exported());
            }
        }
        shapes.keySet().removeIf(name -> entries.values().stream().noneMatch(e -> e.key().fullName().equals(name)));
    }

    // ------------------------------------------------------------------ reading

    /** Prometheus text format 0.0.4 ({@link #CONTENT_TYPE}) of every meter, the JVM's included. */
    public String scrape() {
        return prometheus.scrape(CONTENT_TYPE);
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

    /** Stops the JVM binders (the GC listeners) and empties the registry. */
    @Override
    public synchronized void close() {
        for (AutoCloseable b : binders) {
            try {
                b.close();
            } catch (Exception e) {
                // nothing held that matters once the server stops
            }
        }
        entries.clear();
        shapes.clear();
        prometheus.close();
    }
}
