package org.olelo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two real softphones (baresip with its presence module) and the presence application: bob
 * publishes his state, alice subscribes to bob and sees him online, then offline when bob quits
 * (his PUBLISH with {@code Expires: 0} leaves no publication: the NOTIFY says closed). baresip 1.0
 * also publishes a basic status {@code unknown}, which is not PIDF and gets 400.
 */
class BaresipPresenceTest {

    @RegisterExtension
    final OleloExtension processes = OleloExtension.onDemand();

    @Test
    void aliceSeesBobOnlineThenOfflineWhenHeQuits() throws Exception {
        BaresipUa.assumeInstalled();
        OleloProcess olelo = processes.create(null, "registrar", "proxy", "presence");
        Path root = olelo.root();
        assertEquals(0, olelo.subscriber("add", "alice@127.0.0.1", "--password", "secretA"));
        assertEquals(0, olelo.subscriber("add", "bob@127.0.0.1", "--password", "secretB"));
        olelo.start();
        try (BaresipUa bob = new BaresipUa(root.resolve("bob"), "bob", "secretB", olelo.port(), 33300);
             BaresipUa alice = new BaresipUa(root.resolve("alice"), "alice", "secretA", olelo.port(), 33400)) {
            bob.presence(60);
            alice.presence(60, "sip:bob@127.0.0.1");
            bob.start(10);
            assertTrue(bob.awaitLog("200 OK () [1 binding]", Duration.ofSeconds(15)), () -> log("bob", bob));
            alice.start(0);
            assertTrue(alice.awaitLog("Subscription-State: active", Duration.ofSeconds(20)),
                    () -> log("alice", alice) + log("bob", bob));
            assertTrue(bob.awaitExit(Duration.ofSeconds(20)), () -> log("bob", bob));
            assertTrue(awaitPlain(alice, "<sip:bob@127.0.0.1> changed status from Online to Offline"),
                    () -> log("alice", alice) + log("bob", bob));
        }
    }

    /** Waits (20 s at most) for a line of the log without its colour codes: baresip colours the statuses. */
    private static boolean awaitPlain(BaresipUa ua, String text) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (ua.log().replaceAll("\u001B\\[[0-9;]*m", "").contains(text)) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    private static String log(String who, BaresipUa ua) {
        try {
            String l = ua.log();
            return "\n--- " + who + " ---\n" + (l.length() > 8000 ? l.substring(l.length() - 8000) : l);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
