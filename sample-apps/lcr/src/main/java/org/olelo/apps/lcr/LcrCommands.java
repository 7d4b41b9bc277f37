package org.olelo.apps.lcr;

import org.olelo.api.rpc.RpcCommand;
import org.olelo.api.rpc.RpcException;
import org.olelo.apps.lcr.route.Gateway;
import org.olelo.apps.lcr.route.Rule;
import org.olelo.apps.lcr.store.LoadException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The management commands of the application:
 * <ul>
 * <li>{@code lcr.reload}: reads the tables again; {@code {"gateways": 2, "rules": 2, "loaded": "<ISO-8601>"}};
 *     when the rows cannot be used, error {@value RpcException#FAILED} with the reason and the
 *     previous rows stay in use;</li>
 * <li>{@code lcr.dump_gws}: {@code {"gateways": [{"id", "lcr_id", "gw_name", "ip_addr", "hostname", "port",
 *     "params", "uri_scheme", "transport", "strip", "prefix", "tag", "flags", "defunct", "state"
 *     ("active" or "defunct"), "defunct_until" (ISO-8601 or null), "failures_in_a_row", "attempts",
 *     "answered", "failed"}]}};</li>
 * <li>{@code lcr.dump_rules}: {@code {"rules": [{"id", "lcr_id", "prefix", "from_uri", "request_uri",
 *     "stopper", "enabled", "targets": [{"gw_id", "gw_name", "priority", "weight"}]}]}}.</li>
 * </ul>
 * Stateless; runs on the management thread; {@code lcr.reload} blocks on the database.
 */
public final class LcrCommands {

    private LcrCommands() {
    }

    /** @return the commands over {@code rt} */
    static List<RpcCommand> of(LcrRuntime rt) {
        return List.of(
                new RpcCommand("lcr.reload", List.of(), "reads lcr_gw, lcr_rule and lcr_rule_target again",
                        p -> reload(rt)),
                new RpcCommand("lcr.dump_gws", List.of(), "lists the loaded gateways with their state and counters",
                        p -> Map.of("gateways", gateways(rt))),
                new RpcCommand("lcr.dump_rules", List.of(), "lists the loaded rules with their gateways",
                        p -> Map.of("rules", rules(rt))));
    }

    private static Object reload(LcrRuntime rt) throws RpcException {
        try {
            LcrRuntime.Snapshot s = rt.reload();
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("gateways", s.table().gateways().size());
            out.put("rules", s.table().rules().size());
            out.put("loaded", s.loaded().toString());
            return out;
        } catch (LoadException e) {
            throw new RpcException(RpcException.FAILED, e.getMessage());
        }
    }

    private static List<Object> gateways(LcrRuntime rt) {
        List<Object> out = new ArrayList<>();
        int lcrId = rt.config().lcrId();
        for (Gateway g : rt.snapshot().table().gateways()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", g.id());
            m.put("lcr_id", lcrId);
            m.put("gw_name", g.name());
            m.put("ip_addr", g.ipAddr());
            m.put("hostname", g.hostname());
            m.put("port", g.port());
            m.put("params", g.params());
            m.put("uri_scheme", g.secure() ? 2 : 1);
            m.put("transport", g.transport());
            m.put("strip", g.strip());
            m.put("prefix", g.prefix());
            m.put("tag", g.tag());
            m.put("flags", g.flags());
            m.put("defunct", g.defunctUntil() == 0 ? null : g.defunctUntil());
            long until = rt.health().defunctUntil(g.id());
            if (until == 0 && g.defunctUntil() * 1000 > System.currentTimeMillis()) {
                until = g.defunctUntil() * 1000;
            }
            m.put("state", until == 0 ? "active" : "defunct");
            m.put("defunct_until", until == 0 ? null : Instant.ofEpochMilli(until).toString());
            m.put("failures_in_a_row", rt.health().failuresInARow(g.id()));
            GatewayMeters.Of c = rt.meters().of(g.name());
            m.put("attempts", c.attempts().count());
            m.put("answered", c.answered().count());
            m.put("failed", c.failed().count());
            out.add(m);
        }
        return out;
    }

    private static List<Object> rules(LcrRuntime rt) {
        List<Object> out = new ArrayList<>();
        int lcrId = rt.config().lcrId();
        for (Rule r : rt.snapshot().table().rules()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.id());
            m.put("lcr_id", lcrId);
            m.put("prefix", r.prefix());
            m.put("from_uri", r.fromUri() == null ? null : r.fromUri().pattern());
            m.put("request_uri", r.requestUri() == null ? null : r.requestUri().pattern());
            m.put("stopper", r.stopper());
            m.put("enabled", r.enabled());
            List<Object> targets = new ArrayList<>();
            for (Rule.Target t : r.targets()) {
                Map<String, Object> tm = new LinkedHashMap<>();
                tm.put("gw_id", t.gateway().id());
                tm.put("gw_name", t.gateway().name());
                tm.put("priority", t.priority());
                tm.put("weight", t.weight());
                targets.add(tm);
            }
            m.put("targets", targets);
            out.add(m);
        }
        return out;
    }
}
