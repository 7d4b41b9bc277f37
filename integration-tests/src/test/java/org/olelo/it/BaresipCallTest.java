package org.olelo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two real softphones (baresip, headless) register with digest through the default deployment and
 * call each other: register, call, auto-answer, hang up. Media flows between them on 127.0.0.1.
 */
class BaresipCallTest {

    @RegisterExtension
    final OleloExtension processes = OleloExtension.onDemand();

    @Test
    void twoSoftphonesRegisterAndCallEachOther() throws Exception {
        BaresipUa.assumeInstalled();
        OleloProcess olelo = processes.create();
        Path root = olelo.root();
        assertEquals(0, olelo.subscriber("add", "alice@127.0.0.1", "--password", "secretA"));
        assertEquals(0, olelo.subscriber("add", "bob@127.0.0.1", "--password", "secretB"));
        olelo.start();
        try (BaresipUa bob = new BaresipUa(root.resolve("bob"), "bob", "secretB", olelo.port(), 33100);
             BaresipUa alice = new BaresipUa(root.resolve("alice"), "alice", "secretA", olelo.port(), 33200)) {
            bob.start(0);
            assertTrue(bob.awaitLog("200 OK () [1 binding]", Duration.ofSeconds(15)), () -> log("bob", bob));
            alice.start(6, "/dial sip:bob@127.0.0.1");
            assertTrue(alice.awaitLog("Call established: sip:bob@127.0.0.1", Duration.ofSeconds(20)),
                    () -> log("alice", alice) + log("bob", bob));
            assertTrue(bob.awaitLog("Call established: sip:alice@127.0.0.1", Duration.ofSeconds(5)), () -> log("bob", bob));
            assertTrue(alice.awaitLog("terminated", Duration.ofSeconds(20)), () -> log("alice", alice));
            assertTrue(bob.awaitLog("Call with sip:alice@127.0.0.1 terminated", Duration.ofSeconds(10)),
                    () -> log("bob", bob));
        }
    }

    private static String log(String who, BaresipUa ua) {
        try {
            String l = ua.log();
            return "\n--- " + who + " ---\n" + (l.length() > 6000 ? l.substring(l.length() - 6000) : l);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
