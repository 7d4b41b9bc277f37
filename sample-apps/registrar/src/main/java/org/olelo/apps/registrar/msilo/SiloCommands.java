package org.olelo.apps.registrar.msilo;

import org.olelo.api.rpc.RpcCommand;
import org.olelo.api.rpc.RpcException;
import org.olelo.api.rpc.RpcParams;
import org.olelo.apps.registrar.spi.StoreException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The management command of the offline message store:
 * {@code msilo.dump [aor] [limit]} lists the stored messages per user, without their bodies (only
 * their size: the operator sees who wrote to whom and when, not what):
 *
 * <pre>{@code
 * {"users": [{"aor": "sip:bob@example.com", "messages": [{"id": 7, "from": "<sip:alice@example.com>",
 *   "content_type": "text/plain", "size": 5, "received": "2026-12-05T03:10:00Z",
 *   "expires": "2026-12-12T03:10:00Z", "attempts": 0, "next_attempt": null}]}], "truncated": false}
 * }</pre>
 *
 * At most {@code limit} messages (default {@value #DEFAULT_LIMIT}, at most {@value #MAX_LIMIT});
 * {@code truncated} says whether there were more. Runs on the management thread; blocks on the
 * database.
 */
public final class SiloCommands {

    /** Messages listed when no limit is given. */
    public static final int DEFAULT_LIMIT = 1000;
    /** The largest limit accepted. */
    public static final int MAX_LIMIT = 10_000;

    private SiloCommands() {
    }

    /** @return the commands to register */
    public static List<RpcCommand> commands(Silo silo) {
        return List.of(new RpcCommand("msilo.dump", List.of("aor", "limit"),
                "stored offline messages per user (sender, type, size, times; no bodies); optional aor and limit",
                params -> dump(silo, params)));
    }

    static Map<String, Object> dump(Silo silo, RpcParams params) throws RpcException {
        String aor = params.optionalText("aor").map(String::trim).filter(s -> !s.isEmpty()).orElse(null);
        long limit = params.number("limit", DEFAULT_LIMIT);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new RpcException(RpcException.INVALID_PARAMS, "parameter 'limit' must be from 1 to " + MAX_LIMIT);
        }
        List<StoredMessage> rows;
        try {
            rows = silo.list(aor, (int) limit + 1);
        } catch (StoreException e) {
            throw new RpcException(RpcException.FAILED, "reading the stored messages failed");
        }
        boolean truncated = rows.size() > limit;
        Map<String, List<Map<String, Object>>> byAor = new LinkedHashMap<>();
        for (StoredMessage m : truncated ? rows.subList(0, (int) limit) : rows) {
            byAor.computeIfAbsent(m.aor(), k -> new ArrayList<>()).add(row(m));
        }
        if (aor != null && byAor.isEmpty()) {
            throw new RpcException(RpcException.NOT_FOUND, "no stored message for " + aor);
        }
        List<Map<String, Object>> users = new ArrayList<>();
        byAor.forEach((k, v) -> {
            Map<String, Object> u = new LinkedHashMap<>();
            u.put("aor", k);
            u.put("messages", v);
            users.add(u);
        });
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("users", users);
        result.put("truncated", truncated);
        return result;
    }

    private static Map<String, Object> row(StoredMessage m) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", m.id());
        r.put("from", m.from());
        r.put("content_type", m.contentType());
        r.put("size", m.body().length);
        r.put("received", Instant.ofEpochSecond(m.incTime()).toString());
        r.put("expires", Instant.ofEpochSecond(m.expTime()).toString());
        r.put("attempts", m.attempts());
        r.put("next_attempt", m.nextTry() == 0 ? null : Instant.ofEpochSecond(m.nextTry()).toString());
        return r;
    }
}
