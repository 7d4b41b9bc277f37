package org.olelo.apps.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.olelo.api.rpc.RpcCommand;
import org.olelo.api.rpc.RpcException;
import org.olelo.api.rpc.RpcParams;
import org.olelo.apps.registrar.service.ContactSpec;
import org.olelo.apps.registrar.service.RegisterRequest;
import org.olelo.apps.registrar.service.RegisterResult;
import org.olelo.apps.registrar.store.DbMode;

/** {@code ul.dump}, {@code ul.lookup} and {@code ul.rm} on a registrar that took REGISTERs. */
class RegistrarCommandsTest {

    private static RegistrarRuntime start() throws Exception {
        RegistrarConfig d = RegistrarConfig.defaults();
        RegistrarConfig c = new RegistrarConfig(DbMode.MEMORY, d.flushInterval(), d.cleanupInterval(), d.defaultExpires(),
                d.minExpires(), d.maxExpires(), d.maxContacts(), d.forkMode(), List.of("example.com"), d.pathMode(),
                d.revealOffline());
        return RegistrarRuntime.start(c, null, RegistrarCommandsTest.class.getClassLoader(), List::of, (m, e) -> { });
    }

    private static RegisterRequest register(String user, String contact, String q) {
        ContactSpec spec = ContactSpec.of(contact).withExpires("600");
        return new RegisterRequest("example.com", "sip", user, "example.com", null, false,
                List.of(q == null ? spec : spec.withQ(q)), null, "call-" + user, 7, List.of(), false,
                new RegisterRequest.Source("192.0.2.50", 5062, "UDP"), "baresip");
    }

    private static Object call(RegistrarRuntime r, String name, Object... params) throws RpcException {
        RpcCommand c = RegistrarCommands.commands(r).stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
        return c.handler().call(RpcParams.positional(c.params(), List.of(params)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void dumpLookupAndRemove() throws Exception {
        try (RegistrarRuntime r = start()) {
            long now = System.currentTimeMillis();
            assertInstanceOf(RegisterResult.Accepted.class, r.registrar().register(register("bob",
                    "sip:bob@192.0.2.51:5070", "0.5"), now));
            assertInstanceOf(RegisterResult.Accepted.class, r.registrar().register(register("alice",
                    "sip:alice@192.0.2.50:5062", null), now));
            Map<String, Object> dump = (Map<String, Object>) call(r, "ul.dump");
            List<Map<String, Object>> aors = (List<Map<String, Object>>) dump.get("aors");
            assertEquals(List.of("sip:alice@example.com", "sip:bob@example.com"), aors.stream().map(a -> a.get("aor")).toList());
            Map<String, Object> alice = ((List<Map<String, Object>>) aors.get(0).get("contacts")).get(0);
            assertEquals("sip:alice@192.0.2.50:5062", alice.get("uri"));
            long expires = (Long) alice.get("expires");
            assertEquals(true, expires > 590 && expires <= 600, "seconds left: " + expires);
            assertEquals(1.0, alice.get("q"));
            assertEquals("udp:192.0.2.50:5062", alice.get("received"));
            assertEquals("baresip", alice.get("user_agent"));
            assertEquals("call-alice", alice.get("call_id"));
            assertEquals(7L, alice.get("cseq"));
            assertEquals(List.of(), alice.get("path"));
            assertNull(alice.get("instance"));
            assertNull(alice.get("reg_id"));

            Map<String, Object> bob = (Map<String, Object>) call(r, "ul.lookup", "bob@EXAMPLE.com");
            assertEquals("sip:bob@example.com", bob.get("aor"));
            assertEquals(0.5, ((List<Map<String, Object>>) bob.get("contacts")).get(0).get("q"));
            assertEquals(404, assertThrows(RpcException.class, () -> call(r, "ul.lookup", "sip:carol@example.com")).code());
            assertEquals(-32602, assertThrows(RpcException.class, () -> call(r, "ul.lookup", "tel:+123")).code());

            assertEquals(Map.of("removed", "sip:bob@example.com", "contacts", 1), call(r, "ul.rm", "sip:bob@example.com"));
            assertEquals(404, assertThrows(RpcException.class, () -> call(r, "ul.lookup", "sip:bob@example.com")).code());
            assertEquals(404, assertThrows(RpcException.class, () -> call(r, "ul.rm", "sip:bob@example.com")).code());
        }
    }
}
