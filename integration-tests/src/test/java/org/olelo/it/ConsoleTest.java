package org.olelo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The web console in a real browser: two baresip phones register through the default deployment
 * and one calls the other; headless Chromium loads {@code /console/}, whose script reads the
 * server's JSON-RPC interface, and the page it leaves shows the registered users and the call.
 */
class ConsoleTest {

    @RegisterExtension
    final OleloExtension processes = OleloExtension.onDemand();

    @Test
    void theConsoleShowsRegisteredUsersAndTheActiveCall() throws Exception {
        BaresipUa.assumeInstalled();
        Chromium.assumeInstalled();
        OleloProcess olelo = processes.create();
        Path root = olelo.root();
        assertEquals(0, olelo.subscriber("add", "alice@127.0.0.1", "--password", "secretA"));
        assertEquals(0, olelo.subscriber("add", "bob@127.0.0.1", "--password", "secretB"));
        int http = FreePorts.tcp();
        olelo.start("http.listen=127.0.0.1:" + http);
        try (BaresipUa bob = new BaresipUa(root.resolve("bob"), "bob", "secretB", olelo.port(), 33500);
             BaresipUa alice = new BaresipUa(root.resolve("alice"), "alice", "secretA", olelo.port(), 33600)) {
            bob.start(0);
            assertTrue(bob.awaitLog("200 OK () [1 binding]", Duration.ofSeconds(15)), () -> tail(bob));
            alice.start(0, "/dial sip:bob@127.0.0.1");
            assertTrue(alice.awaitLog("Call established: sip:bob@127.0.0.1", Duration.ofSeconds(20)), () -> tail(alice));

            String page = Chromium.dumpDom("http://127.0.0.1:" + http + "/console/", 5000, root.resolve("chromium"));

            assertTrue(page.contains("sip:bob@127.0.0.1") && page.contains("sip:alice@127.0.0.1"),
                    () -> "registrations not shown:\n" + page);
            assertTrue(page.contains("data-dialog=") && page.contains("confirmed") && page.contains("End call"),
                    () -> "the active call not shown:\n" + page);
            assertTrue(page.contains("registrar") && page.contains("proxy"), () -> "applications not shown:\n" + page);
        }
    }

    private static String tail(BaresipUa ua) {
        try {
            String l = ua.log();
            return l.length() > 4000 ? l.substring(l.length() - 4000) : l;
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
