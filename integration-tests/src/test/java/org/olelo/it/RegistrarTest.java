package org.olelo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipText;
import org.olelo.core.testkit.UdpPeer;

/**
 * The default deployment as a user runs it ({@code java -jar olelo.jar} with the project's
 * {@code deploy/}): subscribers provisioned with the CLI, sipp registering with digest from the
 * port where a sipp UAS then answers, calls routed by the location service (one contact, two
 * contacts forking), 404 for unknown and offline users alike, refused registrations, and durability
 * across {@code kill -9}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegistrarTest {

    private static final String HOST = "127.0.0.1";
    private static final Duration LIMIT = Duration.ofSeconds(40);
    @RegisterExtension
    static final OleloExtension OLELO = OleloExtension.started(null).setup(p -> {
        assertEquals(0, p.subscriber("add", "bob@127.0.0.1", "--password", "s3cret"));
        assertEquals(0, p.subscriber("add", "carol@127.0.0.1", "--password", "c4rol"));
    });
    @RegisterExtension
    final SippRunner sipp = new SippRunner();

    private SippResult register(String user, String password, int fromPort, String expires, String scenario)
            throws Exception {
        return sipp.start("reg-" + user + "-" + fromPort + "-" + expires, scenario, "-s", user, "-au", user, "-ap", password,
                "-key", "expires", expires, "-i", HOST, "-p", Integer.toString(fromPort), "-m", "1",
                HOST + ":" + OLELO.port()).await(LIMIT);
    }

    private SippResult call(String user, String uacScenario, int calls) throws Exception {
        return sipp.start("uac-" + user, uacScenario, "-s", user, "-i", HOST, "-p", Integer.toString(FreePorts.udp()),
                HOST + ":" + OLELO.port(), "-m", Integer.toString(calls), "-r", "10").await(LIMIT);
    }

    private static int status(String requestUser) throws Exception {
        try (UdpPeer peer = new UdpPeer(new InetSocketAddress(HOST, OLELO.port()))) {
            return SipText.status(peer.finalResponseTo(SipBuilder.request("OPTIONS", "sip:" + requestUser + "@127.0.0.1")
                    .via(peer).from("<sip:probe@127.0.0.1>")));
        }
    }

    @Test
    @Order(1)
    void registeredWithDigestThenCalledThroughTheLocationService() throws Exception {
        int uasPort = FreePorts.udp();
        SippResult reg = register("bob", "s3cret", uasPort, "3600", "register.xml");
        assertTrue(reg.allSuccessful(1), reg::describe);
        SippRunner.Run uas = sipp.start("uas", "uas.xml", "-i", HOST, "-p", Integer.toString(uasPort), "-m", "3");
        uas.awaitListening("u1", uasPort);
        SippResult caller = call("bob", "uac.xml", 3);
        SippResult callee = caller.allSuccessful(3) ? uas.await(LIMIT) : uas.stop();
        assertTrue(caller.allSuccessful(3) && callee.allSuccessful(3), () -> caller.describe() + "\n" + callee.describe());
    }

    @Test
    @Order(2)
    void aWrongPasswordAndAnUnknownUserAreBothChallengedAgain() throws Exception {
        SippResult wrong = register("bob", "guess", FreePorts.udp(), "3600", "register-bad-password.xml");
        SippResult unknown = register("mallory", "guess", FreePorts.udp(), "3600", "register-bad-password.xml");
        assertTrue(wrong.allSuccessful(1), wrong::describe);
        assertTrue(unknown.allSuccessful(1), unknown::describe);
    }

    @Test
    @Order(3)
    void anExpiryBelowTheMinimumIs423WithMinExpires() throws Exception {
        SippResult r = register("carol", "c4rol", FreePorts.udp(), "5", "register-too-brief.xml");
        assertTrue(r.allSuccessful(1), r::describe);
    }

    @Test
    @Order(4)
    void unknownUsersAndUnregisteredSubscribersAreBoth404() throws Exception {
        assertEquals(404, status("nobody"));
        assertEquals(404, status("carol"), "no enumeration: a subscriber without binding looks unknown");
    }

    @Test
    @Order(5)
    void twoContactsForkAndTheAnsweringOneWins() throws Exception {
        int busyPort = FreePorts.udp();
        int answerPort = FreePorts.udp();
        assertTrue(register("carol", "c4rol", busyPort, "600", "register.xml").allSuccessful(1));
        assertTrue(register("carol", "c4rol", answerPort, "600", "register.xml").allSuccessful(1));
        SippRunner.Run busy = sipp.start("uas-busy", "uas-busy.xml", "-i", HOST, "-p", Integer.toString(busyPort), "-m", "1");
        SippRunner.Run answer = sipp.start("uas", "uas.xml", "-i", HOST, "-p", Integer.toString(answerPort), "-m", "1");
        busy.awaitListening("u1", busyPort);
        answer.awaitListening("u1", answerPort);
        SippResult caller = call("carol", "uac.xml", 1);
        SippResult callee = caller.allSuccessful(1) ? answer.await(LIMIT) : answer.stop();
        busy.stop();
        assertTrue(caller.allSuccessful(1) && callee.allSuccessful(1), () -> caller.describe() + "\n" + callee.describe());
        assertTrue(register("carol", "c4rol", busyPort, "0", "register.xml").allSuccessful(1), "unregister one contact");
    }

    @Test
    @Order(6)
    void aBindingSurvivesKillNine() throws Exception {
        int uasPort = FreePorts.udp();
        assertTrue(register("bob", "s3cret", uasPort, "3600", "register.xml").allSuccessful(1));
        OLELO.process().kill9();
        OLELO.process().start();
        SippRunner.Run uas = sipp.start("uas-after-restart", "uas.xml", "-i", HOST, "-p", Integer.toString(uasPort), "-m", "1");
        uas.awaitListening("u1", uasPort);
        SippResult caller = call("bob", "uac.xml", 1);
        SippResult callee = caller.allSuccessful(1) ? uas.await(LIMIT) : uas.stop();
        assertTrue(caller.allSuccessful(1) && callee.allSuccessful(1), () -> caller.describe() + "\n" + callee.describe());
    }

    @Test
    @Order(7)
    void unregisteringAllBindingsLeavesTheUserUnavailable() throws Exception {
        assertTrue(register("carol", "c4rol", FreePorts.udp(), "600", "register.xml").allSuccessful(1));
        assertTrue(register("carol", "c4rol", FreePorts.udp(), "600", "register.xml").allSuccessful(1));
        assertTrue(register("carol", "c4rol", FreePorts.udp(), "0", "unregister-all.xml").allSuccessful(1));
        assertEquals(404, status("carol"), "no binding is left: not routed");
    }
}
