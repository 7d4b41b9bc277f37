package org.olelo.container.internal.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.olelo.api.rpc.RpcCommand;
import org.olelo.api.rpc.RpcException;
import org.olelo.api.rpc.RpcParams;
import org.olelo.api.stats.Counter;

/** {@code stats.get_statistics} and {@code stats.reset_statistics}, called as the RPC layer calls them. */
class StatisticsCommandsTest {

    private final StatisticsRegistry registry = new StatisticsRegistry();
    private final Map<String, RpcCommand> commands = new java.util.HashMap<>();

    StatisticsCommandsTest() {
        new StatisticsCommands(registry).commands().forEach(c -> commands.put(c.name(), c));
        Counter invites = registry.container().counter("sip", "requests_received", "requests", "method", "INVITE");
        invites.add(12);
        registry.container().counter("sip", "requests_received", "requests", "method", "BYE").add(3);
        registry.container().gauge("registrar", "contacts", "bindings", () -> 2);
    }

    @AfterEach
    void close() {
        registry.close();
    }

    private Object call(String name, Object... positional) throws RpcException {
        RpcCommand c = commands.get(name);
        return c.handler().call(RpcParams.positional(c.params(), List.of(positional)));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> statistics(Object... name) throws RpcException {
        return (Map<String, Object>) ((Map<String, Object>) call("stats.get_statistics", name)).get("statistics");
    }

    @Test
    void allByDefaultOrByGroupOrByName() throws Exception {
        assertEquals(List.of("name"), commands.get("stats.get_statistics").params());
        Map<String, Object> all = statistics();
        assertEquals(List.of("registrar.contacts", "sip.requests_received{method=BYE}", "sip.requests_received{method=INVITE}"),
                List.copyOf(all.keySet()), "sorted keys, labels in braces");
        assertEquals(12L, all.get("sip.requests_received{method=INVITE}"));
        assertEquals(all, statistics("all"));
        assertEquals(Map.of("registrar.contacts", 2L), statistics("registrar"));
        assertEquals(2, statistics("sip.requests_received").size());
        assertEquals(Map.of("sip.requests_received{method=BYE}", 3L, "sip.requests_received{method=INVITE}", 12L),
                statistics(" sip.requests_received "), "the name is trimmed");
    }

    @Test
    void badNamesAreRefusedAndUnknownOnesNotFound() {
        for (String bad : new String[] {"sip.*", "SIP", "sip.requests_received{method=INVITE}", "a.b.c", "<script>"}) {
            RpcException e = assertThrows(RpcException.class, () -> statistics(bad), bad);
            assertEquals(RpcException.INVALID_PARAMS, e.code(), bad);
            assertTrue(e.getMessage().startsWith("parameter 'name': expected all, a group"), e.getMessage());
            assertEquals(RpcException.INVALID_PARAMS,
                    assertThrows(RpcException.class, () -> call("stats.reset_statistics", bad)).code());
        }
        RpcException e = assertThrows(RpcException.class, () -> statistics("dialog"));
        assertEquals(RpcException.NOT_FOUND, e.code());
        assertEquals("no statistics named dialog", e.getMessage());
        assertEquals(RpcException.NOT_FOUND, assertThrows(RpcException.class, () -> call("stats.reset_statistics", "sip.nothing")).code());
        assertEquals(RpcException.INVALID_PARAMS, assertThrows(RpcException.class,
                () -> call("stats.get_statistics", "sip", "extra")).code(), "one parameter at most");
    }

    @Test
    void resetByNameLeavesTheOthersAndTheGauges() throws Exception {
        assertEquals(Map.of("reset", 2), call("stats.reset_statistics", "sip.requests_received"));
        assertEquals(0L, statistics().get("sip.requests_received{method=INVITE}"));
        assertEquals(Map.of("reset", 3), call("stats.reset_statistics"));
        assertEquals(2L, statistics().get("registrar.contacts"), "a gauge is not reset");
        assertTrue(registry.scrape().contains("olelo_sip_requests_received_total{method=\"INVITE\"} 12"),
                "the Prometheus total is kept");
    }
}
