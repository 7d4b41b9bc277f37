package org.olelo.container.internal.stats;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
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
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Our meters as Micrometer sees them, in a {@link PrometheusMeterRegistry}, with the JVM's binders
 * (memory, GC, threads, class loading) renamed {@code olelo.jvm.*}. Made at the first scrape, so
 * that a server that is never scraped loads none of it and starts as fast as before. Counters are
 * function counters over our totals, gauges read our {@link SharedGauge}, timers are function
 * timers with a gauge of the largest recent duration ({@code _seconds_max}). Called under the
 * {@link StatisticsRegistry}'s lock, except {@link #scrape()}.
 */
final class PrometheusExport implements AutoCloseable {

    private final PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    PrometheusExport() {
        prometheus.config().meterFilter(new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                return id.getName().startsWith("olelo.") ? id : id.withName("olelo." + id.getName());
            }
        });
        for (MeterBinder b : List.of(new JvmMemoryMetrics(), gc, new JvmThreadMetrics(), new ClassLoaderMetrics())) {
            b.bindTo(prometheus);
        }
    }

    /** Registers one of our meters; returns what {@link #remove} takes. */
    Object add(StatisticsRegistry.Entry e) {
        MeterKey k = e.key();
        String help = e.help();
        return switch (e.kind()) {
            case COUNTER -> FunctionCounter.builder(k.meterName(), (ResettableCounter) e.meter(), ResettableCounter::total)
                    .description(help).tags(k.tags()).register(prometheus);
            case GAUGE -> Gauge.builder(k.meterName(), (SharedGauge) e.meter(), SharedGauge::value).description(help)
                    .tags(k.tags()).strongReference(true).register(prometheus);
            case TIMER -> {
                ResettableTimer t = (ResettableTimer) e.meter();
                Meter timer = FunctionTimer.builder(k.meterName(), t, ResettableTimer::totalCount,
                        ResettableTimer::totalSeconds, TimeUnit.SECONDS).description(help).tags(k.tags()).register(prometheus);
                Meter max = Gauge.builder(k.meterName() + ".seconds.max", t, ResettableTimer::maxSeconds)
                        .description(help + " (largest of the last one to two minutes)").tags(k.tags())
                        .strongReference(true).register(prometheus);
                yield List.of(timer, max);
            }
        };
    }

    /** Unregisters what {@link #add} returned. */
    void remove(Object exported) {
        if (exported instanceof List<?> meters) {
            meters.forEach(m -> prometheus.remove((Meter) m));
        } else {
            prometheus.remove((Meter) exported);
        }
    }

    /** Prometheus text format 0.0.4. */
    String scrape() {
        return prometheus.scrape(StatisticsRegistry.CONTENT_TYPE);
    }

    @Override
    public void close() {
        gc.close();
        prometheus.close();
    }
}
