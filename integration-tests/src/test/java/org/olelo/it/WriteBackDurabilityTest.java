package org.olelo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The registrar in write-back mode (Kamailio usrloc db_mode 2), set for the deployment by
 * {@code deploy/apps/registrar.properties}: a binding is on disk once the flush interval has passed,
 * survives {@code kill -9}, and is routable after the restart.
 */
class WriteBackDurabilityTest {

    private static final String HOST = "127.0.0.1";
    private static final Duration LIMIT = Duration.ofSeconds(40);
    @RegisterExtension
    final OleloExtension processes = OleloExtension.onDemand();
    @RegisterExtension
    final SippRunner sipp = new SippRunner();

    @Test
    void aBindingFlushedInWriteBackModeSurvivesKillNine() throws Exception {
        OleloProcess olelo = processes.create();
        Files.writeString(olelo.deploy().resolve("apps").resolve("registrar.properties"),
                "db.mode=write-back\nflush.interval=1\n");
        assertEquals(0, olelo.subscriber("add", "bob@127.0.0.1", "--password", "s3cret"));
        olelo.start();
        assertTrue(olelo.log().contains("db.mode=write-back"), olelo.log());
        int uasPort = FreePorts.udp();
        SippResult reg = sipp.start("reg", "register.xml", "-s", "bob", "-au", "bob", "-ap", "s3cret", "-key", "expires",
                "3600", "-i", HOST, "-p", Integer.toString(uasPort), "-m", "1", HOST + ":" + olelo.port()).await(LIMIT);
        assertTrue(reg.allSuccessful(1), reg::describe);
        Thread.sleep(2500); // more than the flush interval
        olelo.kill9();
        olelo.start();
        SippRunner.Run uas = sipp.start("uas", "uas.xml", "-i", HOST, "-p", Integer.toString(uasPort), "-m", "1");
        uas.awaitListening("u1", uasPort);
        SippResult caller = sipp.start("uac", "uac.xml", "-s", "bob", "-i", HOST, "-p", Integer.toString(FreePorts.udp()),
                HOST + ":" + olelo.port(), "-m", "1").await(LIMIT);
        SippResult callee = caller.allSuccessful(1) ? uas.await(LIMIT) : uas.stop();
        assertTrue(caller.allSuccessful(1) && callee.allSuccessful(1), () -> caller.describe() + "\n" + callee.describe());
    }
}
