package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.container.boot.Main;
import org.olelo.container.internal.db.ChildJvm;
import org.olelo.container.testkit.DigestClient;
import org.olelo.container.testkit.TestServer;
import org.olelo.core.testkit.MemoryPeer;
import org.olelo.core.testkit.SipText;

/**
 * The command line in another process provisions the database of a running server (the embedded
 * H2 file, shared through AUTO_SERVER), and the server authenticates with what it wrote, without
 * a restart.
 */
class ProvisioningWhileRunningTest {

    @TempDir
    Path tmp;
    private TestServer sip;

    @AfterEach
    void stop() {
        if (sip != null) {
            sip.close();
        }
    }

    private ChildJvm.Result olelo(String... args) throws Exception {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(new String[] {"--data-dir", sip.data().toString(), "--deploy-dir", sip.deploy().toString()},
                0, all, args.length, 4);
        return ChildJvm.run(Main.class, all);
    }

    private int register(String user, String password) throws Exception {
        MemoryPeer ua = sip.memoryPeer(7);
        String challenge = ua.finalResponseTo(AuthApps.request("REGISTER", user, ua));
        String c = DigestClient.withAlgorithm(SipText.headers(challenge, "WWW-Authenticate"), "MD5");
        String auth = DigestClient.answer(c, user, password, "REGISTER", AuthApps.requestUri("REGISTER"), "00000001");
        return SipText.status(ua.finalResponseTo(AuthApps.request("REGISTER", user, ua).header("Authorization", auth)));
    }

    @Test
    void aSubscriberAddedByTheCommandLineIsAuthenticatedByTheRunningServer() throws Exception {
        sip = TestServer.builder().app("reg", AuthApps.constrained()).routing(AuthApps.ROUTING).start(tmp);
        AuthApps.subscriber(sip.server().database().defaultPool(), "bob", "127.0.0.1", "s3cret");
        assertEquals(401, register("dave", "pw1"), "dave does not exist yet");

        ChildJvm.Result add = olelo("subscriber", "add", "dave@127.0.0.1", "--password", "pw1");
        assertEquals(0, add.exitCode(), add.output());
        assertEquals("added dave@127.0.0.1", add.output().trim(), "only the result is printed");
        assertEquals(200, register("dave", "pw1"));

        ChildJvm.Result list = olelo("subscriber", "list");
        assertEquals(0, list.exitCode(), list.output());
        assertTrue(list.output().contains("bob@127.0.0.1") && list.output().contains("dave@127.0.0.1"), list.output());

        ChildJvm.Result passwd = olelo("subscriber", "passwd", "dave@127.0.0.1", "--password", "pw2");
        assertEquals(0, passwd.exitCode(), passwd.output());
        assertFalse(passwd.output().contains("pw2"), passwd.output());
        assertEquals(401, register("dave", "pw1"));
        assertEquals(200, register("dave", "pw2"));

        ChildJvm.Result remove = olelo("subscriber", "remove", "dave@127.0.0.1");
        assertEquals(0, remove.exitCode(), remove.output());
        assertEquals(401, register("dave", "pw2"));
        assertEquals(200, register("bob", "s3cret"), "the server's own pool still works");
    }
}
