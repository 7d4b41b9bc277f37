package org.olelo.apps.registrar;

import jakarta.servlet.ServletContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.olelo.api.rpc.RpcCommand;
import org.olelo.api.rpc.RpcCommands;
import org.olelo.api.rpc.RpcException;
import org.olelo.apps.registrar.service.Aor;
import org.olelo.apps.registrar.service.RegistrarException;
import org.olelo.apps.registrar.spi.Binding;
import org.olelo.apps.registrar.spi.StoreException;

/**
 * The registrar's management commands, Kamailio's {@code ul.*}: {@code ul.dump} (every address of
 * record with its contacts), {@code ul.lookup <aor>} and {@code ul.rm <aor>}. Expired bindings the
 * cleanup has not removed yet are left out. The container runs them on its management threads;
 * they read the location store (memory, or the database in {@code db-only} mode).
 */
final class RegistrarCommands {

    private RegistrarCommands() {
    }

    /**
     * Registers the commands when the container offers management commands (the context attribute
     * {@code org.olelo.api.rpc.RpcCommands}); without it (another container, a unit test) nothing
     * happens, and the Olelo API classes are not even loaded.
     */
    static void registerIfOffered(ServletContext ctx, RegistrarRuntime runtime) {
        if (ctx.getAttribute("org.olelo.api.rpc.RpcCommands") == null) {
            return;
        }
        RpcCommands rpc = (RpcCommands) ctx.getAttribute(RpcCommands.ATTRIBUTE);
        commands(runtime).forEach(rpc::register);
    }

    /** @return {@code ul.dump}, {@code ul.lookup} and {@code ul.rm} on the runtime's store */
    static List<RpcCommand> commands(RegistrarRuntime runtime) {
        return List.of(
                new RpcCommand("ul.dump", List.of(), "every registered address of record with its contacts",
                        p -> {
                            long now = System.currentTimeMillis();
                            List<Map<String, Object>> aors = new ArrayList<>();
                            for (Map.Entry<String, List<Binding>> e : new TreeMap<>(store(() -> runtime.store().loadAll()))
                                    .entrySet()) {
                                Map<String, Object> one = aor(e.getKey(), e.getValue(), now);
                                if (one != null) {
                                    aors.add(one);
                                }
                            }
                            return Map.of("aors", aors);
                        }),
                new RpcCommand("ul.lookup", List.of("aor"), "the contacts of one address of record", p -> {
                    String aor = canonical(p.text("aor"));
                    Map<String, Object> one = aor(aor, store(() -> runtime.store().get(aor)), System.currentTimeMillis());
                    if (one == null) {
                        throw new RpcException(RpcException.NOT_FOUND, "no contact for " + aor);
                    }
                    return one;
                }),
                new RpcCommand("ul.rm", List.of("aor"), "removes every contact of an address of record", p -> {
                    String aor = canonical(p.text("aor"));
                    int had = store(() -> runtime.store().get(aor)).size();
                    if (had == 0) {
                        throw new RpcException(RpcException.NOT_FOUND, "no contact for " + aor);
                    }
                    store(() -> {
                        runtime.store().remove(aor);
                        return null;
                    });
                    return Map.of("removed", aor, "contacts", had);
                }));
    }

    /** {@code sip:alice@example.com}, {@code sips:...} or {@code alice@example.com}, canonicalised as the registrar keys it. */
    static String canonical(String text) throws RpcException {
        String t = text.trim();
        String scheme = "sip";
        int colon = t.indexOf(':');
        if (colon > 0 && t.substring(0, colon).matches("(?i)sips?")) {
            scheme = t.substring(0, colon);
            t = t.substring(colon + 1);
        }
        int at = t.lastIndexOf('@');
        try {
            return Aor.of(scheme, at <= 0 ? null : t.substring(0, at), at < 0 ? null : t.substring(at + 1)).key();
        } catch (RegistrarException e) {
            throw new RpcException(RpcException.INVALID_PARAMS, "parameter 'aor' must be an address of record such as"
                    + " sip:alice@example.com");
        }
    }

    private static Map<String, Object> aor(String aor, List<Binding> bindings, long now) {
        List<Map<String, Object>> contacts = new ArrayList<>();
        for (Binding b : bindings) {
            if (!b.expired(now)) {
                contacts.add(contact(b, now));
            }
        }
        if (contacts.isEmpty()) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("aor", aor);
        m.put("contacts", contacts);
        return m;
    }

    private static Map<String, Object> contact(Binding b, long now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("uri", b.contact());
        m.put("expires", b.remainingSeconds(now));
        m.put("q", b.effectiveQ() / 1000.0);
        m.put("received", received(b));
        m.put("user_agent", b.userAgent());
        m.put("call_id", b.callId());
        m.put("cseq", b.cseq());
        m.put("path", b.path());
        m.put("instance", b.instance());
        m.put("reg_id", b.regId() == Binding.NO_REG_ID ? null : b.regId());
        return m;
    }

    /** {@code udp:127.0.0.1:5062} from the stored {@code sip:127.0.0.1:5062} and transport, or null. */
    private static String received(Binding b) {
        if (b.received() == null) {
            return null;
        }
        String hostPort = b.received().regionMatches(true, 0, "sip:", 0, 4) ? b.received().substring(4) : b.received();
        return (b.transport() == null ? "udp" : b.transport()) + ":" + hostPort;
    }

    /** A store call. */
    private interface StoreCall<T> {
        T run() throws StoreException;
    }

    private static <T> T store(StoreCall<T> call) throws RpcException {
        try {
            return call.run();
        } catch (StoreException e) {
            throw new RpcException(RpcException.FAILED, "location store failure: " + e.getMessage());
        }
    }
}
