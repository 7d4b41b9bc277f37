package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.olelo.core.testkit.SipText.header;
import static org.olelo.core.testkit.SipText.method;
import static org.olelo.core.testkit.SipText.status;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.container.testkit.CommonApps;
import org.olelo.container.testkit.TestServer;
import org.olelo.core.CoreConfig;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipPeer;
import org.olelo.core.testkit.UdpPeer;

/**
 * Two record-routing proxies on UDP, as two nodes of a cluster: a dialog node A set up is taken
 * over by node B when a front sends B its BYE (B's address pushed on top of A's Record-Route). B
 * relays it along the route set when both share {@code cluster.route.key}; with keys of their own
 * B refuses it.
 */
class ClusterTakeOverTest {

    private static final long WAIT = 3000;
    private static final String KEY = "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=";

    @TempDir
    Path tmp;
    private TestServer a;
    private TestServer b;

    @AfterEach
    void stop() {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
    }

    private TestServer node(String name, String key) throws Exception {
        return TestServer.builder().app("proxy", CommonApps.forkingProxy()).routeAllTo("proxy")
                .transport(SipPeer.Kind.UDP).settings(c -> {
                    if (key == null) {
                        return c;
                    }
                    CoreConfig d = c.core();
                    Map<String, String> ext = new HashMap<>(d.extensions());
                    ext.put("cluster.route.key", key);
                    return c.withCore(new CoreConfig(d.listen(), d.aliases(), d.udpReaders(), d.udpBufferBytes(),
                            d.maxMessageBytes(), d.connectTimeoutMillis(), d.timers(), d.proxyRequireSupported(), d.tcp(),
                            d.flood(), ext));
                }).start(tmp.resolve(name));
    }

    /** INVITE, 200 and ACK through node A; returns the 200 as the caller got it. */
    private String establish(SipPeer caller, SipPeer callee) throws Exception {
        caller.send(SipBuilder.request("INVITE", a.uriOf("bob", callee)).via(caller).from("<sip:alice@127.0.0.1>")
                .contact("alice", caller));
        String inv = callee.receive(WAIT);
        assertNotNull(inv, "INVITE relayed by A");
        callee.send(SipBuilder.response(inv, 200, "OK").toTag("bob" + SipBuilder.next()).contact("bob", callee));
        String ok = caller.next(WAIT);
        assertEquals(200, status(ok));
        caller.send(SipBuilder.inDialog("ACK", ok).via(caller).cseq(1));
        assertEquals("ACK", method(callee.receive(WAIT)));
        return ok;
    }

    /** The caller's BYE sent to node B, as a front sends it: B's address above the route set A recorded. */
    private void byeThroughB(SipPeer toB, String ok) throws Exception {
        String rr = header(ok, "Record-Route");
        String viaB = "sip:127.0.0.1:" + b.address().getPort() + ";lr";
        toB.send(SipBuilder.inDialog("BYE", ok).via(toB).cseq(2).without("Route").route("<" + viaB + ">", rr));
    }

    @Test
    void aNodeSharingTheRouteKeyRelaysTheDialogOfANodeThatIsGone() throws Exception {
        a = node("a", KEY);
        b = node("b", KEY);
        try (SipPeer caller = a.caller(); SipPeer callee = a.callee(); SipPeer toB = new UdpPeer(b.address())) {
            String ok = establish(caller, callee);
            a.close(); // node A is gone
            a = null;
            byeThroughB(toB, ok);
            String bye = callee.receive(WAIT);
            assertNotNull(bye, () -> "B relayed the BYE of A's dialog to the callee; the caller got " + next(toB));
            assertEquals("BYE", method(bye));
            ((UdpPeer) callee).sendTo(SipBuilder.response(bye, 200, "OK"), b.address()); // to its top Via: B
            assertEquals(200, status(toB.next(WAIT)), "the 200 came back through B");
        }
    }

    private static String next(SipPeer p) {
        try {
            return p.next(100);
        } catch (Exception e) {
            return e.toString();
        }
    }

    @Test
    void aNodeWithAKeyOfItsOwnRefusesIt() throws Exception {
        a = node("a", null);
        b = node("b", null);
        try (SipPeer caller = a.caller(); SipPeer callee = a.callee(); SipPeer toB = new UdpPeer(b.address())) {
            String ok = establish(caller, callee);
            byeThroughB(toB, ok);
            assertEquals(403, status(toB.next(WAIT)), "A's entry does not verify on B");
            assertNull(callee.receive(1000), "nothing reached the callee");
        }
    }

    @Test
    void aWrongClusterKeyFailsTheStart() {
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> a = node("a", "c2hvcnQ="));
        org.junit.jupiter.api.Assertions.assertTrue(String.valueOf(e.getMessage()).contains("cluster.route.key"),
                () -> String.valueOf(e));
    }
}
