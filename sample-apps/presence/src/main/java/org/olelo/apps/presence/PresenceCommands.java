package org.olelo.apps.presence;

import org.olelo.api.rpc.RpcCommand;
import org.olelo.api.rpc.RpcException;
import org.olelo.api.rpc.RpcParams;
import org.olelo.apps.presence.service.PresenceService;
import org.olelo.apps.presence.service.PresenceStore;
import org.olelo.apps.presence.service.PresentitySnapshot;
import org.olelo.apps.presence.service.Status;
import org.olelo.apps.presence.service.Subscription;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The application's management commands (JSON-RPC through the container's {@code RpcCommands}):
 * <ul>
 *   <li>{@code presence.list [presentity]} → {@code {"presentities": [{"presentity", "basic",
 *       "watchers", "publications": [{"etag", "expires", "sender", "basic"}]}]}}</li>
 *   <li>{@code presence.subscriptions [presentity]} → {@code {"subscriptions": [{"id", "presentity",
 *       "watcher", "event", "status", "expires", "call_id"}]}}</li>
 *   <li>{@code presence.allow <presentity> <watcher>} and {@code presence.deny <presentity> <watcher>}
 *       → {@code {"presentity", "watcher", "status", "subscriptions_changed"}}: the presentity's
 *       decision, stored; pending subscriptions of that watcher become active (and get the state),
 *       or end with {@code terminated;reason=rejected}.</li>
 * </ul>
 * Handlers run on the RPC server's thread and block on the database.
 */
public final class PresenceCommands {

    private PresenceCommands() {
    }

    /** @return the commands over {@code service} */
    public static List<RpcCommand> commands(PresenceService service) {
        return List.of(
                new RpcCommand("presence.list", List.of("presentity"),
                        "presentities with publications, their basic status and publications", p -> list(service, p)),
                new RpcCommand("presence.subscriptions", List.of("presentity"),
                        "subscriptions in force (presence and presence.winfo)", p -> subscriptions(service, p)),
                new RpcCommand("presence.allow", List.of("presentity", "watcher"),
                        "let a watcher see a presentity (pending subscriptions become active)",
                        p -> decide(service, p, Status.ACTIVE)),
                new RpcCommand("presence.deny", List.of("presentity", "watcher"),
                        "refuse a watcher (its subscriptions end with reason=rejected)",
                        p -> decide(service, p, Status.TERMINATED)));
    }

    private static Object list(PresenceService service, RpcParams params) throws RpcException {
        String only = params.optionalText("presentity").map(PresenceCommands::uri).orElse(null);
        List<Map<String, Object>> out = new ArrayList<>();
        for (PresentitySnapshot s : service.presentities(System.currentTimeMillis())) {
            if (only != null && !only.equalsIgnoreCase(s.aor())) {
                continue;
            }
            List<Map<String, Object>> pubs = new ArrayList<>();
            for (PresentitySnapshot.Entry e : s.publications()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("etag", e.etag());
                m.put("expires", e.expires());
                m.put("sender", e.sender());
                m.put("basic", e.basic());
                pubs.add(m);
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("presentity", s.aor());
            m.put("basic", s.basic());
            m.put("watchers", s.watchers());
            m.put("publications", pubs);
            out.add(m);
        }
        if (only != null && out.isEmpty()) {
            throw new RpcException(RpcException.NOT_FOUND, "no publication of " + only);
        }
        return Map.of("presentities", out);
    }

    private static Object subscriptions(PresenceService service, RpcParams params) throws RpcException {
        String only = params.optionalText("presentity").map(PresenceCommands::uri).orElse(null);
        long now = System.currentTimeMillis();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Subscription s : service.subscriptions()) {
            if (only != null && !only.equalsIgnoreCase(s.presentity())) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", s.id());
            m.put("presentity", s.presentity());
            m.put("watcher", s.watcher());
            m.put("event", s.event());
            m.put("status", s.status().token());
            m.put("expires", Math.max(0, (s.expiresAt() - now) / 1000));
            m.put("call_id", s.callId());
            out.add(m);
        }
        return Map.of("subscriptions", out);
    }

    private static Object decide(PresenceService service, RpcParams params, Status decision) throws RpcException {
        String presentity = uri(params.text("presentity"));
        String watcher = uri(params.text("watcher"));
        try {
            int changed = service.decide(presentity, watcher, decision, System.currentTimeMillis());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("presentity", presentity);
            m.put("watcher", watcher);
            m.put("status", decision == Status.ACTIVE ? "allowed" : "denied");
            m.put("subscriptions_changed", changed);
            return m;
        } catch (PresenceStore.StoreException e) {
            throw new RpcException(RpcException.FAILED, "the decision could not be stored");
        }
    }

    /** {@code alice@example.com} or {@code sip:alice@example.com} as the service names it. */
    static String uri(String text) {
        String t = text.trim();
        if (!t.regionMatches(true, 0, "sip:", 0, 4)) {
            t = "sip:" + t;
        }
        int at = t.lastIndexOf('@');
        return at < 0 ? t : "sip:" + t.substring(4, at) + t.substring(at).toLowerCase(Locale.ROOT);
    }
}
