package org.olelo.container.internal.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.olelo.api.stats.Counter;
import org.olelo.api.stats.Statistics;
import org.olelo.api.stats.Timer;

/** The registry behind {@code /metrics} and {@code stats.*}: names, owners, reset and the two views. */
class StatisticsRegistryTest {

    private final StatisticsRegistry registry = new StatisticsRegistry();

    @AfterEach
    void close() {
        registry.close();
    }

    /** The value of one sample line of the Prometheus text, or -1 when the line is absent. */
    static double sample(String scrape, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }

    @Test
    void aCounterIsExportedWithPrefixHelpAndLabels() {
        Counter c = registry.container().counter("lcr", "gateway_attempts", "calls sent to a gateway", "gateway", "gw1");
        c.increment();
        c.add(4);
        String text = registry.scrape();
        assertEquals(5.0, sample(text, "olelo_lcr_gateway_attempts_total{gateway=\"gw1\"}"), text);
        assertTrue(text.contains("# HELP olelo_lcr_gateway_attempts_total calls sent to a gateway"), text);
        assertTrue(text.contains("# TYPE olelo_lcr_gateway_attempts_total counter"), text);
        assertEquals(Map.of("lcr.gateway_attempts{gateway=gw1}", 5L), registry.snapshot("lcr"));
    }

    @Test
    void theSameKeyGivesTheSameCounterAndConflictsAreRefused() {
        Statistics s = registry.container();
        Counter a = s.counter("sip", "x", "help", "method", "INVITE");
        assertSame(a, s.counter("sip", "x", "help", "method", "INVITE"));
        assertThrows(IllegalArgumentException.class, () -> s.gauge("sip", "x", "help", () -> 1, "method", "BYE"),
                "another kind under the name");
        assertThrows(IllegalArgumentException.class, () -> s.counter("sip", "x", "help", "class", "2xx"),
                "other label names under the name");
        assertThrows(IllegalArgumentException.class, () -> s.counter("Sip", "x", "help"));
        assertThrows(IllegalArgumentException.class, () -> s.counter("sip", "x-y", "help"));
        assertThrows(IllegalArgumentException.class, () -> s.counter("sip", "y", "help", "method"));
        assertThrows(IllegalArgumentException.class, () -> s.counter("sip", "y", "help", "Method", "INVITE"));
        assertThrows(IllegalArgumentException.class, () -> s.counter("sip", "calls_total", "help"), "suffix of Prometheus'");
        assertThrows(IllegalArgumentException.class, () -> s.counter("sip", "calls_created", "help"));
        assertThrows(IllegalArgumentException.class, () -> a.add(-1));
    }

    @Test
    void aResetStartsTheCommandViewAgainButPrometheusTotalsNeverGoBack() {
        Counter c = registry.container().counter("sip", "overload_rejections", "503s");
        c.add(7);
        assertEquals(1, registry.reset("sip.overload_rejections"));
        assertEquals(0, c.count());
        assertEquals(Map.of("sip.overload_rejections", 0L), registry.snapshot("sip.overload_rejections"));
        c.increment();
        assertEquals(Map.of("sip.overload_rejections", 1L), registry.snapshot("all"));
        assertEquals(8.0, sample(registry.scrape(), "olelo_sip_overload_rejections_total"), "the total since start");
    }

    @Test
    void aCounterReadingAnotherTotalIsResetByBaselineAndCannotBeIncremented() {
        long[] total = {10};
        Counter c = registry.owner("core").counterOf("sip", "retransmissions", "re-sent", () -> total[0]);
        registry.reset("sip");
        total[0] = 13;
        assertEquals(3, c.count());
        assertEquals(13.0, sample(registry.scrape(), "olelo_sip_retransmissions_total"));
        assertThrows(UnsupportedOperationException.class, c::increment);
    }

    @Test
    void gaugesAndTimers() {
        Statistics s = registry.container();
        s.gauge("dialog", "active", "dialogs in progress", () -> 3);
        Timer t = s.timer("lcr", "query_time", "time to pick a gateway");
        t.record(Duration.ofMillis(20));
        t.record(Duration.ofMillis(30));
        Map<String, Long> all = registry.snapshot(null);
        assertEquals(3L, all.get("dialog.active"));
        assertEquals(2L, all.get("lcr.query_time_count"));
        assertEquals(50L, all.get("lcr.query_time_sum_ms"));
        String text = registry.scrape();
        assertEquals(3.0, sample(text, "olelo_dialog_active"), text);
        assertEquals(2.0, sample(text, "olelo_lcr_query_time_seconds_count"), text);
        assertEquals(0.05, sample(text, "olelo_lcr_query_time_seconds_sum"), 1e-9, text);
        assertEquals(0.03, sample(text, "olelo_lcr_query_time_seconds_max"), 1e-9, text);
        s.timer("lcr", "late", "registered after the first scrape").record(Duration.ofSeconds(1));
        assertEquals(1.0, sample(registry.scrape(), "olelo_lcr_late_seconds_count"));
        registry.reset("lcr");
        assertEquals(0L, registry.snapshot("lcr").get("lcr.query_time_count"));
        assertEquals(2.0, sample(registry.scrape(), "olelo_lcr_query_time_seconds_count"));
        s.gauge("dialog", "broken", "a gauge that throws", () -> {
            throw new IllegalStateException("store closed");
        });
        assertFalse(registry.snapshot("dialog").containsKey("dialog.broken"), "an unreadable gauge is left out");
    }

    @Test
    void anOwnersMetersGoWithItButSharedOnesStayWithTheOtherOwner() {
        OwnedStatistics v1 = registry.owner("app v1");
        OwnedStatistics v2 = registry.owner("app v2");
        v1.gauge("app", "queue", "waiting", () -> 1);
        v1.counter("app", "only_v1", "help").increment();
        v2.gauge("app", "queue", "waiting", () -> 2);
        assertEquals(2L, registry.snapshot("app.queue").get("app.queue"), "the newest registration gives the value");
        assertEquals(2.0, sample(registry.scrape(), "olelo_app_queue"));
        v2.close();
        assertEquals(1.0, sample(registry.scrape(), "olelo_app_queue"));
        assertEquals(1L, registry.snapshot("app.queue").get("app.queue"), "the older owner's value again");
        v1.close();
        assertTrue(registry.snapshot("app").isEmpty());
        String text = registry.scrape();
        assertFalse(text.contains("olelo_app_"), text);
        assertThrows(IllegalStateException.class, () -> v1.counter("app", "late", "help"));
        registry.container().gauge("app", "only_v1", "now a gauge", () -> 5);
        assertEquals(5L, registry.snapshot("app.only_v1").get("app.only_v1"), "the name is free again");
    }

    @Test
    void anApplicationKeepsToGroupsOfItsOwn() {
        Statistics app = AppMeters.open(registry, "lcr", () -> 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> app.counter("sip", "requests_received", "help", "method", "INVITE"));
        assertEquals("the group sip is the container's; choose a group of your own", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> app.gauge("jvm", "x", "help", () -> 1));
        app.counter("lcr", "gateway_attempts", "help").increment();
        assertEquals(Map.of("app.sessions{application=lcr}", 4L, "lcr.gateway_attempts", 1L), registry.snapshot("all"));
        AppMeters.close(app);
        assertTrue(registry.snapshot("all").isEmpty(), "gone with the application");
    }

    @Test
    void meterKeysAreBoundedWhateverLabelValuesComeIn() {
        Statistics app = registry.owner("app");
        for (int i = 0; i < StatisticsRegistry.MAX_METERS; i++) {
            app.counter("demo", "by_caller", "help", "caller", "c" + i);
        }
        assertThrows(IllegalStateException.class, () -> app.counter("demo", "by_caller", "help", "caller", "one more"));
        app.counter("demo", "by_caller", "help", "caller", "c7").increment();
        assertEquals(1L, registry.snapshot("demo").get("demo.by_caller{caller=c7}"), "existing meters still work");
        assertThrows(IllegalArgumentException.class, () -> app.counter("demo", "x", "help", "caller", "v".repeat(129)));
    }

    @Test
    void theJvmIsMeasuredUnderTheOleloPrefix() {
        String text = registry.scrape();
        assertTrue(text.contains("olelo_jvm_memory_used_bytes{"), text);
        assertTrue(text.contains("olelo_jvm_threads_live_threads"), text);
        assertTrue(text.contains("olelo_jvm_gc_"), "GC meters: " + text);
    }

    @Test
    void selectorsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> registry.snapshot("sip.*"));
        assertThrows(IllegalArgumentException.class, () -> registry.snapshot("SIP"));
        assertThrows(IllegalArgumentException.class, () -> registry.reset("sip.a.b"));
        assertTrue(registry.snapshot("nothing_here").isEmpty());
    }
}
