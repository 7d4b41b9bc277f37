package org.olelo.apps.presence.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.api.rpc.RpcCommand;
import org.olelo.api.rpc.RpcException;
import org.olelo.api.rpc.RpcParams;
import org.olelo.apps.presence.PresenceCommands;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.olelo.apps.presence.service.ServiceFixture.pidf;

/** The management commands over a real service: list, subscriptions, allow. */
class PresenceCommandsTest {

    @TempDir
    Path dir;

    private static Object call(List<RpcCommand> commands, String name, Object... args) throws RpcException {
        RpcCommand c = commands.stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
        return c.handler().call(RpcParams.positional(c.params(), List.of(args)));
    }

    @Test
    void listShowsStateAndPublicationsSubscriptionsAndAllowActivatesAPendingWatcher() throws Exception {
        ServiceFixture f = new ServiceFixture(dir, Policy.CONFIRM);
        String etag = f.publish("alice", null, "600", pidf("pc", "open")).etag();
        RecordingChannel bob = new RecordingChannel();
        f.watch(f.subscribe("bob", "example.com", "presence", null), bob);
        List<RpcCommand> commands = PresenceCommands.commands(f.service);

        Map<?, ?> list = (Map<?, ?>) call(commands, "presence.list");
        Map<?, ?> alice = (Map<?, ?>) ((List<?>) list.get("presentities")).get(0);
        assertEquals("sip:alice@example.com", alice.get("presentity"));
        assertEquals("open", alice.get("basic"));
        assertEquals(1, alice.get("watchers"));
        Map<?, ?> pub = (Map<?, ?>) ((List<?>) alice.get("publications")).get(0);
        assertEquals(etag, pub.get("etag"));
        assertTrue((Long) pub.get("expires") > 500, pub::toString);
        RpcException none = assertThrows(RpcException.class, () -> call(commands, "presence.list", "nobody@example.com"));
        assertEquals(RpcException.NOT_FOUND, none.code());

        Map<?, ?> subs = (Map<?, ?>) call(commands, "presence.subscriptions", "alice@EXAMPLE.com");
        Map<?, ?> s = (Map<?, ?>) ((List<?>) subs.get("subscriptions")).get(0);
        assertEquals("sip:bob@example.com", s.get("watcher"));
        assertEquals("pending", s.get("status"));
        assertEquals("presence", s.get("event"));

        Map<?, ?> allowed = (Map<?, ?>) call(commands, "presence.allow", "alice@example.com", "sip:bob@example.com");
        assertEquals(1, allowed.get("subscriptions_changed"));
        assertTrue(bob.last().state().startsWith("active;"), bob.last()::toString);
    }
}
