package org.olelo.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.olelo.api.cluster.SharedMap;

/** Two members in one JVM over loopback TCP: the view, shared maps, a graceful leave. */
class ClusterServiceTest {

    private final List<ClusterService> started = new ArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(ClusterService::close);
    }

    private ClusterService node(String host, int port, InetSocketAddress... members) {
        ClusterService s = ClusterService.start(new ClusterSettings("test-" + ProcessHandle.current().pid(),
                InetSocketAddress.createUnresolved(host, port), List.of(members), 1500));
        started.add(s);
        return s;
    }

    @Test
    void twoMembersShareMapsAndSeeALeave() throws Exception {
        int p1 = ClusterPorts.pair("127.0.0.1");
        int p2 = ClusterPorts.pair("127.0.0.2");
        InetSocketAddress a1 = InetSocketAddress.createUnresolved("127.0.0.1", p1);
        InetSocketAddress a2 = InetSocketAddress.createUnresolved("127.0.0.2", p2);
        ClusterService one = node("127.0.0.1", p1, a1, a2);
        List<ClusterView> seen = new CopyOnWriteArrayList<>();
        one.addViewListener(seen::add);
        ClusterService two = node("127.0.0.2", p2, a1, a2);
        waitFor(() -> one.members().size() == 2 && two.members().size() == 2);
        assertEquals("127.0.0.1:" + p1, one.localMember());
        assertEquals(one.coordinator(), two.coordinator());

        SharedMap m1 = new AppSharedMaps(one, "registrar").map("location");
        SharedMap m2 = new AppSharedMaps(two, "registrar").map("location");
        m1.put("sip:bob@example.com", new byte[] {1, 2, 3});
        // synchronous replication: visible on the other member as soon as put returns
        assertArrayEquals(new byte[] {1, 2, 3}, m2.get("sip:bob@example.com"));
        assertEquals(1, m2.size());
        assertNull(new AppSharedMaps(two, "other").map("location").get("sip:bob@example.com"));
        m2.remove("sip:bob@example.com");
        assertNull(m1.get("sip:bob@example.com"));

        Map<String, Object> status = two.status();
        assertEquals(2, status.get("size"));
        assertTrue(status.get("caches").toString().contains("app.registrar.location"), status.toString());

        two.close();
        waitFor(() -> one.members().size() == 1);
        waitFor(() -> seen.stream().anyMatch(v -> v.left().contains("127.0.0.2:" + p2)));
    }

    @Test
    void badNamesAndSettingsAreRefusedWithTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClusterSettings.parse(Map.of("cluster.name", "c", "cluster.bind", "nohostport")));
        assertTrue(e.getMessage().startsWith("cluster.bind"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ClusterSettings.parse(Map.of("cluster.members", "127.0.0.1:x")));
        assertTrue(e.getMessage().startsWith("cluster.members"), e.getMessage());
        ClusterSettings d = ClusterSettings.parse(Map.of());
        assertEquals(false, d.enabled());
        assertEquals("127.0.0.1:7800", d.nodeName());
    }

    static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within 20 s");
            }
            Thread.sleep(50);
        }
    }
}
