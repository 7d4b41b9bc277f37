package org.olelo.apps.media;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.olelo.api.rpc.RpcCommand;
import org.olelo.api.rpc.RpcException;
import org.olelo.apps.media.ng.NgException;
import org.olelo.apps.media.ng.NgInstance;

/**
 * The management commands of the application:
 * <ul>
 * <li>{@code rtpengine.list}: {@code {"instances": [{"instance", "weight", "state" ("active" or
 *     "disabled"), "disabled_until" (ISO-8601 or null), "sessions", "offers", "answers", "deletes",
 *     "failures"}], "stray_datagrams"}} (datagrams dropped by the control socket: no answer to a
 *     pending command, from another address, or malformed);</li>
 * <li>{@code rtpengine.ping [instance]}: pings every instance, or the one named
 *     ({@code udp:HOST:PORT}); {@code {"instances": [{"instance", "result" ("pong" or the
 *     failure)}]}}; an instance that answers takes new calls again;</li>
 * <li>{@code rtpengine.query call_id [instance]}: rtpengine's {@code query} answer for a call, from
 *     the instance named or else from each until one knows the call; {@code {"instance",
 *     "result", ...}} as rtpengine answered (its {@code result} is {@code error} for an unknown
 *     call).</li>
 * </ul>
 * Stateless; runs on the management thread and blocks on the UDP exchanges.
 */
final class MediaCommands {

    private MediaCommands() {
    }

    static List<RpcCommand> of(RtpEngine engine) {
        return List.of(
                new RpcCommand("rtpengine.list", List.of(), "lists the rtpengine instances with their state and counters",
                        p -> Map.of("instances", engine.describe(), "stray_datagrams", engine.strayDatagrams())),
                new RpcCommand("rtpengine.ping", List.of("instance"), "pings every rtpengine instance, or the one named",
                        p -> Map.of("instances", ping(engine, p.optionalText("instance").orElse(null)))),
                new RpcCommand("rtpengine.query", List.of("call_id", "instance"),
                        "asks rtpengine about the media of a call",
                        p -> query(engine, p.text("call_id"), p.optionalText("instance").orElse(null))));
    }

    private static List<NgInstance> chosen(RtpEngine engine, String name) throws RpcException {
        if (name == null) {
            return engine.instances().all();
        }
        return List.of(engine.instances().named(name).orElseThrow(
                () -> new RpcException(RpcException.INVALID_PARAMS, "no rtpengine instance " + name)));
    }

    private static List<Object> ping(RtpEngine engine, String name) throws RpcException {
        List<Object> out = new java.util.ArrayList<>();
        for (NgInstance i : chosen(engine, name)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("instance", i.name());
            try {
                m.put("result", engine.ping(i) ? "pong" : "unexpected answer");
            } catch (NgException e) {
                m.put("result", e.getMessage());
            }
            out.add(m);
        }
        return out;
    }

    private static Object query(RtpEngine engine, String callId, String name) throws RpcException {
        Map<String, Object> last = null;
        for (NgInstance i : chosen(engine, name)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("instance", i.name());
            try {
                m.putAll(engine.query(i, callId));
            } catch (NgException e) {
                m.put("result", "error");
                m.put("error-reason", e.getMessage());
            }
            if ("ok".equals(m.get("result"))) {
                return m;
            }
            last = m;
        }
        return last;
    }
}
