package org.olelo.apps.lcr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.olelo.api.rpc.RpcCommand;
import org.olelo.api.rpc.RpcException;
import org.olelo.api.rpc.RpcParams;

/**
 * The tables in a real (in-memory H2) database, migrated by the application's Flyway script: rows
 * read at start, read again by {@code lcr.reload}, listed by {@code lcr.dump_gws} and
 * {@code lcr.dump_rules}; an unusable row keeps the previous rows in use.
 */
class LcrCommandsTest {

    private static final AtomicInteger DB = new AtomicInteger();
    private DataSource ds;
    private final List<String> log = new ArrayList<>();

    @BeforeEach
    void database() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:lcr" + DB.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        ds = h2;
    }

    static void sql(DataSource ds, String... statements) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String st : statements) {
                s.execute(st);
            }
        }
    }

    /** The example of the README: gw1 and gw2, prefix 49 to gw1 then gw2, prefix 1 to gw2 only. */
    static final String[] EXAMPLE = {
        "INSERT INTO lcr_gw (id, lcr_id, gw_name, ip_addr, port, uri_scheme, transport, strip, prefix)"
                + " VALUES (1, 1, 'gw1', '127.0.0.1', 5081, 1, 1, 0, NULL)",
        "INSERT INTO lcr_gw (id, lcr_id, gw_name, ip_addr, port, uri_scheme, transport, strip, prefix)"
                + " VALUES (2, 1, 'gw2', '127.0.0.1', 5082, 1, 1, 0, '00')",
        "INSERT INTO lcr_rule (id, lcr_id, prefix, stopper, enabled) VALUES (1, 1, '49', 0, 1)",
        "INSERT INTO lcr_rule (id, lcr_id, prefix, stopper, enabled) VALUES (2, 1, '1', 0, 1)",
        "INSERT INTO lcr_rule_target (id, lcr_id, rule_id, gw_id, priority, weight) VALUES (1, 1, 1, 1, 1, 1)",
        "INSERT INTO lcr_rule_target (id, lcr_id, rule_id, gw_id, priority, weight) VALUES (2, 1, 1, 2, 2, 1)",
        "INSERT INTO lcr_rule_target (id, lcr_id, rule_id, gw_id, priority, weight) VALUES (3, 1, 2, 2, 1, 1)",
    };

    private LcrRuntime start() throws Exception {
        return LcrRuntime.start(LcrConfig.DEFAULTS, ds, getClass().getClassLoader(), null, null, log::add);
    }

    private static Object call(LcrRuntime rt, String name) throws RpcException {
        RpcCommand c = LcrCommands.of(rt).stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
        return c.handler().call(new RpcParams(Map.of()));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object result, String key) {
        return (List<Map<String, Object>>) ((Map<String, Object>) result).get(key);
    }

    private static List<Integer> route(LcrRuntime rt, String number) {
        return rt.choose(rt.snapshot(), number, "sip:a@b", "sip:" + number + "@127.0.0.1").gateways().stream()
                .map(g -> g.id()).toList();
    }

    @Test
    void rowsAreReadAtStartAndAgainOnReload() throws Exception {
        start(); // creates the tables
        sql(ds, EXAMPLE);
        LcrRuntime rt = start(); // a restart reads the rows
        assertEquals(List.of(1, 2), route(rt, "4930123"));
        assertEquals(List.of(2), route(rt, "15551234"));
        assertEquals(List.of(), route(rt, "3312345"));

        List<Map<String, Object>> gws = list(call(rt, "lcr.dump_gws"), "gateways");
        assertEquals(2, gws.size());
        assertEquals("gw2", gws.get(1).get("gw_name"));
        assertEquals("00", gws.get(1).get("prefix"));
        assertEquals(5082, gws.get(1).get("port"));
        assertEquals("active", gws.get(1).get("state"));
        assertEquals(0L, gws.get(1).get("attempts"));
        List<Map<String, Object>> rules = list(call(rt, "lcr.dump_rules"), "rules");
        assertEquals("49", rules.get(0).get("prefix"));
        assertEquals(2, list(rules.get(0), "targets").size());
        assertNull(rules.get(0).get("from_uri"));

        sql(ds, "UPDATE lcr_rule_target SET priority = 3 WHERE id = 1",
                "INSERT INTO lcr_rule (id, lcr_id, prefix, stopper, enabled) VALUES (3, 1, '33', 0, 1)",
                "INSERT INTO lcr_rule_target (id, lcr_id, rule_id, gw_id, priority, weight) VALUES (4, 1, 3, 1, 1, 1)",
                "INSERT INTO lcr_rule (id, lcr_id, prefix, stopper, enabled) VALUES (9, 2, '44', 0, 1)");
        assertEquals(List.of(1, 2), route(rt, "4930123"), "unchanged until the reload");
        Map<?, ?> reloaded = (Map<?, ?>) call(rt, "lcr.reload");
        assertEquals(2, reloaded.get("gateways"));
        assertEquals(3, reloaded.get("rules"), "the rule of lcr_id 2 is not ours");
        assertEquals(List.of(2, 1), route(rt, "4930123"));
        assertEquals(List.of(1), route(rt, "3312345"));
        assertEquals(3, list(call(rt, "lcr.dump_rules"), "rules").size());
    }

    @Test
    void anUnusableRowFailsTheReloadAndThePreviousRowsStay() throws Exception {
        start();
        sql(ds, EXAMPLE);
        LcrRuntime rt = start();
        sql(ds, "UPDATE lcr_rule SET from_uri = '([unclosed' WHERE id = 2");
        RpcException e = assertThrows(RpcException.class, () -> call(rt, "lcr.reload"));
        assertEquals(RpcException.FAILED, e.code());
        assertTrue(e.getMessage().contains("lcr_rule id 2") && e.getMessage().contains("from_uri"), e.getMessage());
        assertEquals(List.of(2), route(rt, "15551234"), "the previous rows are still used");

        sql(ds, "UPDATE lcr_rule SET from_uri = NULL WHERE id = 2",
                "INSERT INTO lcr_rule_target (id, lcr_id, rule_id, gw_id, priority, weight) VALUES (5, 1, 2, 99, 1, 1)");
        e = assertThrows(RpcException.class, () -> call(rt, "lcr.reload"));
        assertTrue(e.getMessage().contains("gateway 99"), e.getMessage());
    }

    @Test
    void dumpShowsCountersAndDefunctGateways() throws Exception {
        start();
        sql(ds, EXAMPLE);
        sql(ds, "UPDATE lcr_gw SET defunct = " + (System.currentTimeMillis() / 1000 + 3600) + " WHERE id = 1");
        LcrRuntime rt = start();
        assertEquals(List.of(2), route(rt, "4930123"), "gw1 is out by its defunct column");
        var gw2 = rt.snapshot().table().gateways().get(1);
        rt.outcome(gw2, LcrRuntime.Outcome.FAILED);
        rt.outcome(gw2, LcrRuntime.Outcome.FAILED);
        rt.outcome(gw2, LcrRuntime.Outcome.FAILED);
        List<Map<String, Object>> gws = list(call(rt, "lcr.dump_gws"), "gateways");
        assertEquals("defunct", gws.get(0).get("state"));
        assertEquals("defunct", gws.get(1).get("state"));
        assertEquals(3L, gws.get(1).get("attempts"));
        assertEquals(3L, gws.get(1).get("failed"));
        var c = rt.choose(rt.snapshot(), "4930123", "sip:a@b", "sip:4930123@127.0.0.1");
        assertTrue(c.matched() && c.gateways().isEmpty(), "both out: matched, nothing usable");
        assertTrue(log.stream().anyMatch(l -> l.contains("gw2") && l.contains("3 times in a row")), log.toString());
    }
}
