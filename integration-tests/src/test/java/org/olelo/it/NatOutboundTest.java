package org.olelo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipPeer;
import org.olelo.core.testkit.SipText;
import org.olelo.core.testkit.TcpPeer;
import org.olelo.core.testkit.UdpPeer;

/**
 * NAT traversal, RFC 5626 outbound, RFC 5627 GRUU and the {@code max.contacts} replace policy of
 * the registrar in an {@code olelo.jar} process, with small Java user agents on loopback sockets:
 * a contact naming an unreachable private address is reached at the port its REGISTER came from
 * (UDP) or over the very connection it came on (TCP); an outbound registration over TCP gets
 * {@code Require: outbound}, is called over its connection and is gone once that connection
 * closes; a public or temporary GRUU reaches one instance of two; the oldest binding makes room
 * for a new one; a contact behind NAT gets OPTIONS keep-alives through its REGISTER's source and is
 * removed once it stops answering them. Authentication is off so that the agents send plain
 * REGISTERs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NatOutboundTest {

    private static final String HOST = "127.0.0.1";
    private static final long WAIT = 5000;

    @RegisterExtension
    static final OleloExtension OLELO = OleloExtension.started(null, "registrar")
            .settings("auth.enabled=false", "sip.t1.millis=100") // an unanswered ping fails after 6.4 s
            .setup(p -> p.appProperties("registrar", "max.contacts=2\nmax.contacts.policy=replace-oldest\n"
                    + "msilo.enabled=false\nnat.ping.seconds=1\nnat.ping.remove=true\n"));

    private static InetSocketAddress server() {
        return new InetSocketAddress(HOST, OLELO.port());
    }

    private static SipBuilder register(SipPeer ua, String user, String contact) {
        return SipBuilder.request("REGISTER", "sip:" + HOST + (ua instanceof TcpPeer ? ";transport=tcp" : ""))
                .via(ua).from("<sip:" + user + "@" + HOST + ">").to("<sip:" + user + "@" + HOST + ">")
                .contact(contact).header("Expires", "300");
    }

    private static String registered(SipPeer ua, SipBuilder register) throws Exception {
        String ok = ua.finalResponseTo(register);
        assertEquals(200, SipText.status(ok), ok);
        return ok;
    }

    /** A MESSAGE from a fresh UDP caller to {@code ruri}; returns the caller (to read its answer). */
    private static UdpPeer message(String ruri) throws Exception {
        UdpPeer caller = new UdpPeer(server());
        caller.send(SipBuilder.request("MESSAGE", ruri).via(caller).from("<sip:caller@" + HOST + ">")
                .body("text/plain", "hello"));
        return caller;
    }

    /** The callee gets the MESSAGE and answers it; the caller gets that answer. */
    private static String delivered(SipPeer callee, UdpPeer caller) throws Exception {
        String m = callee.receiveUntil(WAIT, s -> s.startsWith("MESSAGE "));
        assertNotNull(m, "the MESSAGE reached the user agent");
        callee.send(SipBuilder.response(m, 200, "OK").toTag("callee"));
        assertEquals(200, SipText.status(caller.finalResponse(WAIT)));
        return m;
    }

    /** Registers {@code contact} for {@code user} from {@code ua}, then a MESSAGE for the user must reach {@code ua}. */
    private static void privateContactReached(SipPeer ua, String user, String contact) throws Exception {
        try (ua) {
            registered(ua, register(ua, user, "<" + contact + ">"));
            try (UdpPeer caller = message("sip:" + user + "@" + HOST)) {
                String m = delivered(ua, caller);
                assertTrue(m.startsWith("MESSAGE " + contact + " "), m);
            }
        }
    }

    @Test
    @Order(1)
    void aPrivateContactOverUdpIsReachedAtTheSourcePort() throws Exception {
        privateContactReached(new UdpPeer(server()), "natu", "sip:natu@10.0.0.5:5060");
    }

    @Test
    @Order(2)
    void aPrivateContactOverTcpIsReachedOverItsConnection() throws Exception {
        privateContactReached(new TcpPeer(server()), "natt", "sip:natt@10.0.0.5:5060;transport=tcp");
    }

    @Test
    @Order(3)
    void anOutboundRegistrationLivesAsLongAsItsConnection() throws Exception {
        try (TcpPeer ua = new TcpPeer(server())) {
            String ok = registered(ua, register(ua, "obu",
                    "<sip:obu@10.0.0.6:5060;transport=tcp>;+sip.instance=\"<urn:uuid:00000000-0000-0000-0000-0000000000b1>\""
                            + ";reg-id=1").header("Supported", "outbound, path"));
            assertEquals("outbound", SipText.header(ok, "Require"), ok);
            try (UdpPeer caller = message("sip:obu@" + HOST)) {
                delivered(ua, caller);
            }
        }
        int status = 0;
        for (int i = 0; i < 50 && status != 404; i++) { // the flow's failure reaches the registrar shortly
            Thread.sleep(100);
            try (UdpPeer caller = message("sip:obu@" + HOST)) {
                status = SipText.status(caller.finalResponse(WAIT));
            }
        }
        assertEquals(404, status, "the binding went with its connection");
    }

    private static String param(String ok, String contactUri, String name) {
        for (String c : SipText.entries(ok, "Contact")) {
            if (c.contains(contactUri)) {
                Matcher m = Pattern.compile(";" + name + "=\"([^\"]+)\"").matcher(c);
                assertTrue(m.find(), name + " in " + c);
                return m.group(1);
            }
        }
        throw new AssertionError("no Contact " + contactUri + " in " + ok);
    }

    @Test
    @Order(4)
    void aGruuReachesOneInstanceOfTwo() throws Exception {
        try (UdpPeer one = new UdpPeer(server()); UdpPeer two = new UdpPeer(server())) {
            String c1 = "sip:gu@" + HOST + ":" + one.address().getPort();
            String c2 = "sip:gu@" + HOST + ":" + two.address().getPort();
            registered(one, register(one, "gu", "<" + c1 + ">;+sip.instance=\"<urn:uuid:00000000-0000-0000-0000-0000000000a1>\"")
                    .header("Supported", "gruu"));
            String ok = registered(two, register(two, "gu",
                    "<" + c2 + ">;+sip.instance=\"<urn:uuid:00000000-0000-0000-0000-0000000000a2>\"").header("Supported", "gruu"));
            String pub2 = param(ok, c2, "pub-gruu");
            assertEquals("sip:gu@" + HOST + ";gr=urn:uuid:00000000-0000-0000-0000-0000000000a2", pub2);
            String temp1 = param(ok, c1, "temp-gruu");
            assertTrue(temp1.matches("sip:tgruu\\.[A-Za-z0-9_-]+@" + Pattern.quote(HOST) + ";gr"), temp1);
            assertTrue(!temp1.contains("gu@") && !temp1.contains("uuid") && !temp1.contains("0000000000a1"),
                    "a temporary GRUU hides whose it is"); // not "a1" alone: random base64 may hold it

            try (UdpPeer caller = message(pub2)) {
                delivered(two, caller);
                assertNull(one.receive(500), "the other instance got nothing");
            }
            try (UdpPeer caller = message(temp1)) {
                delivered(one, caller);
                assertNull(two.receive(500), "the other instance got nothing");
            }
            try (UdpPeer caller = message("sip:gu@" + HOST)) {
                assertNotNull(one.receiveUntil(WAIT, s -> s.startsWith("MESSAGE ")), "the AOR forks to both");
                assertNotNull(two.receiveUntil(WAIT, s -> s.startsWith("MESSAGE ")), "the AOR forks to both");
            }
            try (UdpPeer caller = message("sip:tgruu.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA@" + HOST + ";gr")) {
                assertEquals(404, SipText.status(caller.finalResponse(WAIT)), "a forged temporary GRUU reaches nobody");
            }
        }
    }

    @Test
    @Order(5)
    void overMaxContactsTheOldestBindingMakesRoom() throws Exception {
        try (UdpPeer a = new UdpPeer(server()); UdpPeer b = new UdpPeer(server()); UdpPeer c = new UdpPeer(server())) {
            List<UdpPeer> peers = List.of(a, b, c);
            String ok = null;
            for (UdpPeer p : peers) {
                ok = registered(p, register(p, "mc", "<sip:mc@" + HOST + ":" + p.address().getPort() + ">"));
                Thread.sleep(20); // distinct write times
            }
            List<String> contacts = SipText.entries(ok, "Contact");
            assertEquals(2, contacts.size(), ok);
            String all = String.join(",", contacts);
            assertTrue(!all.contains(":" + a.address().getPort() + ">"), "the oldest is gone: " + all);
            assertTrue(all.contains(":" + b.address().getPort() + ">") && all.contains(":" + c.address().getPort() + ">"),
                    "the newer ones stay: " + all);
        }
    }

    @Test
    @Order(6)
    void aContactBehindNatIsPingedAndRemovedWhenItStopsAnswering() throws Exception {
        try (UdpPeer ua = new UdpPeer(server())) {
            registered(ua, register(ua, "np", "<sip:np@10.0.0.8:5060>"));
            for (int i = 0; i < 2; i++) {
                String ping = ua.receiveUntil(4000, m -> m.startsWith("OPTIONS "));
                assertNotNull(ping, "a keep-alive OPTIONS came to the REGISTER's source port");
                assertTrue(ping.startsWith("OPTIONS sip:np@10.0.0.8:5060 "), ping);
                ua.send(SipBuilder.response(ping, 200, "OK").toTag("np"));
            }
            try (UdpPeer caller = message("sip:np@" + HOST)) {
                delivered(ua, caller);
            }
        }
        int status = 0;
        for (int i = 0; i < 30 && status != 404; i++) { // the next ping goes unanswered: 408 after 64*T1
            Thread.sleep(500);
            try (UdpPeer caller = message("sip:np@" + HOST)) {
                status = SipText.status(caller.finalResponse(WAIT));
            }
        }
        assertEquals(404, status, "the contact that stopped answering its pings is gone");
    }

    /**
     * The 200 lists every binding as {@code <uri>;expires=N[;q=Q]}, best first, whether its Contact is
     * built from this REGISTER's parsed URI or written from a binding an earlier REGISTER left.
     */
    @Test
    @Order(7)
    void theAnswerListsEachBindingWithItsExpiryAndQ() throws Exception {
        try (UdpPeer one = new UdpPeer(server()); UdpPeer two = new UdpPeer(server())) {
            String c1 = "sip:cv@" + HOST + ":" + one.address().getPort() + ";transport=udp";
            String c2 = "sip:cv@" + HOST + ":" + two.address().getPort() + ";transport=udp;x-flag";
            registered(one, register(one, "cv", "<" + c1 + ">;q=0.5"));
            String ok = registered(two, register(two, "cv", "<" + c2 + ">"));
            List<String> contacts = SipText.entries(ok, "Contact");
            assertEquals(2, contacts.size(), ok);
            assertTrue(contacts.get(0).matches(Pattern.quote("<" + c2 + ">;expires=") + "(300|299)"), ok);
            assertTrue(contacts.get(1).matches(Pattern.quote("<" + c1 + ">;expires=") + "(300|299|298);q=0\\.5"), ok);
            ok = registered(one, register(one, "cv", "<" + c1 + ">;q=0.5"));
            contacts = SipText.entries(ok, "Contact");
            assertEquals(2, contacts.size(), ok);
            assertTrue(contacts.get(0).matches(Pattern.quote("<" + c2 + ">;expires=") + "(300|299|298)"), ok);
            assertTrue(contacts.get(1).matches(Pattern.quote("<" + c1 + ">;expires=") + "(300|299);q=0\\.5"), ok);
        }
    }
}
