package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.olelo.core.testkit.SipText.contactUri;
import static org.olelo.core.testkit.SipText.entries;
import static org.olelo.core.testkit.SipText.header;
import static org.olelo.core.testkit.SipText.headers;
import static org.olelo.core.testkit.SipText.method;
import static org.olelo.core.testkit.SipText.status;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.olelo.container.testkit.CommonApps;
import org.olelo.container.testkit.TestServer;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipPeer;

/**
 * Application composition end to end: several applications of one server chained by the routing
 * file behave like the same applications on separate servers (their own Via and Record-Route
 * entries, responses, ACK, CANCEL and BYE through each), with the route modifiers of the routing
 * file. Real SIP text in memory and over loopback sockets.
 */
class ApplicationCompositionTest {

    private static final long WAIT = 3000;
    private static final String CHAIN = """
            INVITE: ("orig", "DAR:From", "ORIGINATING", "", "NO_ROUTE", "0"), ("term", "DAR:To", "TERMINATING", "", "NO_ROUTE", "1")
            MESSAGE: ("orig", "DAR:From", "ORIGINATING", "", "NO_ROUTE", "0"), ("term", "DAR:To", "TERMINATING", "", "NO_ROUTE", "1")
            """;

    @TempDir
    Path tmp;
    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** The recording proxy deployed under each name, the routing file's text at start. */
    private TestServer start(SipPeer.Kind kind, List<String> apps, String routing) throws Exception {
        TestServer.Builder b = TestServer.builder().routing(routing).transport(kind);
        apps.forEach(a -> b.app(a, CommonApps.recorder(a)));
        server = b.start(tmp);
        return server;
    }

    // ------------------------------------------------------------------ the chain of two proxies

    @ParameterizedTest
    @EnumSource(SipPeer.Kind.class)
    void twoProxyApplicationsHandleTheCallLikeTwoServers(SipPeer.Kind kind) throws Exception {
        start(kind, List.of("orig", "term"), CHAIN);
        try (SipPeer caller = server.caller(); SipPeer callee = server.callee()) {
            String bob = server.uriOf("bob", callee);
            caller.send(request(caller, "INVITE", bob));
            String inv = callee.receive(WAIT);
            assertNotNull(inv, "the INVITE reaches the callee through both applications");
            List<String> seen = headers(inv, "X-Seen");
            assertEquals(2, seen.size(), inv);
            assertTrue(seen.get(0).startsWith("orig region=ORIGINATING subscriber=sip:alice@127.0.0.1 internal=false"), seen.get(0));
            assertTrue(seen.get(1).startsWith("term region=TERMINATING subscriber=" + bob + " internal=true popped=null initial=null"),
                    seen.get(1));
            assertEquals(3, headers(inv, "Via").size(), "caller, orig and term each add a Via: " + inv);
            assertEquals("68", header(inv, "Max-Forwards"), "each application is a hop");
            List<String> rr = entries(inv, "Record-Route");
            assertEquals(2, rr.size(), inv);
            assertNotEquals(rr.get(0), rr.get(1), "each application record-routes with its own entry");

            callee.send(SipBuilder.response(inv, 180, "Ringing").toTag("b1").contact("bob", callee));
            assertEquals(180, status(caller.next(WAIT)));
            callee.send(SipBuilder.response(inv, 200, "OK").toTag("b1").contact("bob", callee));
            String ok = caller.next(WAIT);
            assertEquals(200, status(ok));
            assertEquals(1, headers(ok, "Via").size(), "both applications removed their Via: " + ok);
            assertEquals(2, entries(ok, "Record-Route").size(), ok);

            caller.send(inDialog(caller, "ACK", ok, 1));
            String ack = callee.receive(WAIT);
            assertNotNull(ack, "the ACK follows the Record-Route through both applications");
            assertEquals("ACK", method(ack));
            assertEquals(List.of("orig", "term"), headers(ack, "X-Seen-ACK"), ack);

            caller.send(inDialog(caller, "BYE", ok, 2));
            String bye = callee.receive(WAIT);
            assertNotNull(bye, "the BYE follows the Record-Route through both applications");
            assertEquals(List.of("orig", "term"), headers(bye, "X-Seen-BYE"), bye);
            assertEquals(3, headers(bye, "Via").size(), bye);
            callee.send(SipBuilder.response(bye, 200, "OK"));
            String byeOk = caller.next(WAIT);
            assertEquals(200, status(byeOk));
            assertEquals("BYE", method(byeOk));
        }
    }

    @ParameterizedTest
    @EnumSource(value = SipPeer.Kind.class, names = {"MEMORY", "UDP"})
    void theSameApplicationTwiceGetsTwoSessionsAndTheCalleesByeCrossesBoth(SipPeer.Kind kind) throws Exception {
        start(kind, List.of("orig"), """
                INVITE: ("orig", "DAR:From", "ORIGINATING", "", "NO_ROUTE", "0"), ("orig", "DAR:To", "TERMINATING", "", "NO_ROUTE", "1")
                """);
        try (SipPeer caller = server.caller(); SipPeer callee = server.callee()) {
            String bob = server.uriOf("bob", callee);
            caller.send(request(caller, "INVITE", bob));
            String inv = callee.receive(WAIT);
            assertNotNull(inv);
            List<String> seen = headers(inv, "X-Seen");
            assertEquals(2, seen.size(), inv);
            assertTrue(seen.get(0).startsWith("orig region=ORIGINATING subscriber=sip:alice@127.0.0.1 internal=false"), seen.get(0));
            assertTrue(seen.get(1).startsWith("orig region=TERMINATING subscriber=" + bob + " internal=true"), seen.get(1));
            List<String> rr = entries(inv, "Record-Route");
            assertEquals(2, rr.size(), inv);
            assertNotEquals(rr.get(0), rr.get(1), "two instances, two sessions");

            callee.send(SipBuilder.response(inv, 200, "OK").toTag("b2").contact("bob", callee));
            String ok = caller.next(WAIT);
            assertEquals(200, status(ok));
            caller.send(inDialog(caller, "ACK", ok, 1));
            assertEquals("ACK", method(callee.receive(WAIT)));

            callee.send(byeFromCallee(callee, inv, ok, rr));
            String bye = caller.next(WAIT);
            assertNotNull(bye, "the callee's BYE reaches the caller");
            assertEquals("BYE", method(bye));
            assertEquals(List.of("orig", "orig"), headers(bye, "X-Seen-BYE"), bye);
            assertEquals(3, headers(bye, "Via").size(), bye);
            caller.send(SipBuilder.response(bye, 200, "OK"));
            String byeOk = callee.next(WAIT);
            assertEquals(200, status(byeOk));
            assertEquals("BYE", method(byeOk));
        }
    }

    @ParameterizedTest
    @EnumSource(value = SipPeer.Kind.class, names = {"MEMORY", "UDP"})
    void cancelTravelsThroughTheChain(SipPeer.Kind kind) throws Exception {
        start(kind, List.of("orig", "term"), CHAIN);
        try (SipPeer caller = server.caller(); SipPeer callee = server.callee()) {
            String invite = request(caller, "INVITE", server.uriOf("bob", callee)).build();
            caller.send(invite);
            String inv = callee.receive(WAIT);
            assertNotNull(inv);
            callee.send(SipBuilder.response(inv, 180, "Ringing").toTag("c1").contact("bob", callee));
            assertEquals(180, status(caller.next(WAIT)));
            caller.send(SipBuilder.cancel(invite));
            String cancelOk = caller.next(WAIT);
            assertEquals(200, status(cancelOk));
            assertEquals("CANCEL", method(cancelOk));
            String cancel = callee.receive(WAIT);
            assertNotNull(cancel, "the CANCEL crosses both applications");
            assertEquals("CANCEL", method(cancel));
            assertEquals(header(inv, "Via"), header(cancel, "Via"), "the CANCEL matches the INVITE the callee got");
            callee.send(SipBuilder.response(cancel, 200, "OK").toTag("c1"));
            callee.send(SipBuilder.response(inv, 487, "Request Terminated").toTag("c1"));
            assertEquals("ACK", method(callee.receive(WAIT)), "the last application acknowledges the 487");
            String terminated = caller.next(WAIT);
            assertEquals(487, status(terminated));
            assertEquals(1, headers(terminated, "Via").size(), terminated);
        }
    }

    // ------------------------------------------------------------------ route modifiers

    @ParameterizedTest
    @EnumSource(value = SipPeer.Kind.class, names = {"MEMORY", "UDP"})
    void routeModifierSendsTheRequestToTheExternalRoute(SipPeer.Kind kind) throws Exception {
        start(kind, List.of("orig", "term"), CHAIN);
        try (SipPeer caller = server.caller(); SipPeer callee = server.callee(); SipPeer edge = server.callee()) {
            String edgeRoute = server.uriOf(null, edge) + ";lr";
            server.routing("INVITE: (\"orig\", \"DAR:From\", \"ORIGINATING\", \"\", \"NO_ROUTE\", \"0\"), "
                    + "(\"edge\", \"\", \"NEUTRAL\", \"" + edgeRoute + "\", \"ROUTE\", \"1\")\n");
            String bob = server.uriOf("bob", callee);
            caller.send(request(caller, "INVITE", bob));
            String inv = edge.receive(WAIT);
            assertNotNull(inv, "after orig, the router's external route takes the request");
            assertTrue(inv.startsWith("INVITE " + bob + " SIP/2.0"), inv);
            assertEquals(List.of("<" + edgeRoute + ">"), entries(inv, "Route"));
            assertEquals(1, headers(inv, "X-Seen").size(), inv);
            assertEquals(1, entries(inv, "Record-Route").size(), "orig record-routed: " + inv);
            assertNull(callee.receive(300), "nothing goes straight to the Request-URI");
            edge.send(SipBuilder.response(inv, 486, "Busy Here").toTag("e1"));
            assertEquals("ACK", method(edge.receive(WAIT)));
            assertEquals(486, status(caller.next(WAIT)));

            server.routing("INVITE: (\"edge\", \"\", \"NEUTRAL\", \"" + edgeRoute + "\", \"ROUTE\", \"0\"), "
                    + "(\"orig\", \"DAR:From\", \"ORIGINATING\", \"\", \"NO_ROUTE\", \"1\")\n");
            caller.send(request(caller, "INVITE", bob));
            inv = edge.receive(WAIT);
            assertNotNull(inv, "a request from outside goes to the external route with no application");
            assertEquals(List.of("<" + edgeRoute + ">"), entries(inv, "Route"));
            assertNull(header(inv, "X-Seen"), inv);
            edge.send(SipBuilder.response(inv, 486, "Busy Here").toTag("e2"));
            assertEquals("ACK", method(edge.receive(WAIT)));
            assertEquals(486, status(caller.next(WAIT)));
        }
    }

    @ParameterizedTest
    @EnumSource(value = SipPeer.Kind.class, names = {"MEMORY", "UDP"})
    void routeBackReturnsTheRequestAndSelectionGoesOn(SipPeer.Kind kind) throws Exception {
        start(kind, List.of("orig", "term"), CHAIN);
        try (SipPeer caller = server.caller(); SipPeer callee = server.callee(); SipPeer as = server.callee()) {
            String asRoute = server.uriOf(null, as) + ";lr";
            server.routing("MESSAGE: (\"orig\", \"DAR:From\", \"ORIGINATING\", \"\", \"NO_ROUTE\", \"0\"), "
                    + "(\"as\", \"\", \"NEUTRAL\", \"" + asRoute + "\", \"ROUTE_BACK\", \"1\"), "
                    + "(\"term\", \"DAR:To\", \"TERMINATING\", \"\", \"NO_ROUTE\", \"2\")\n");
            String bob = server.uriOf("bob", callee);
            caller.send(request(caller, "MESSAGE", bob));
            String atAs = as.receive(WAIT);
            assertNotNull(atAs, "the request visits the external route first");
            List<String> routes = entries(atAs, "Route");
            assertEquals(2, routes.size(), atAs);
            assertEquals("<" + asRoute + ">", routes.get(0));
            assertTrue(routes.get(1).contains(";olr="), "then a route back to the server: " + atAs);
            assertNull(callee.receive(300));

            as.send(forwardAsProxy(atAs, as));
            String msg = callee.receive(WAIT);
            assertNotNull(msg, "back in the server, selection goes on with the next application");
            List<String> seen = headers(msg, "X-Seen");
            assertEquals(2, seen.size(), msg);
            assertTrue(seen.get(0).startsWith("orig region=ORIGINATING"), seen.get(0));
            assertTrue(seen.get(1).startsWith("term region=TERMINATING subscriber=" + bob + " internal=false"), seen.get(1));
            assertNull(header(msg, "Route"), msg);
            assertEquals(4, headers(msg, "Via").size(), "caller, orig, the external hop, term: " + msg);

            callee.send(SipBuilder.response(msg, 200, "OK").toTag("m1"));
            String viaAs = as.receive(WAIT);
            assertNotNull(viaAs, "the response goes back through the external hop");
            assertEquals(200, status(viaAs));
            as.send(withoutTopVia(viaAs));
            String ok = caller.next(WAIT);
            assertEquals(200, status(ok));
            assertEquals("MESSAGE", method(ok));
        }
    }

    @ParameterizedTest
    @EnumSource(value = SipPeer.Kind.class, names = {"MEMORY", "UDP"})
    void noRouteModifierIgnoresTheRoutes(SipPeer.Kind kind) throws Exception {
        start(kind, List.of("orig"),
                "MESSAGE: (\"orig\", \"DAR:From\", \"ORIGINATING\", \"sip:127.0.0.1:9;lr\", \"NO_ROUTE\", \"0\")\n");
        try (SipPeer caller = server.caller(); SipPeer callee = server.callee()) {
            caller.send(request(caller, "MESSAGE", server.uriOf("bob", callee)));
            String msg = callee.receive(WAIT);
            assertNotNull(msg);
            assertNull(header(msg, "Route"), msg);
            assertEquals(1, headers(msg, "X-Seen").size(), msg);
            callee.send(SipBuilder.response(msg, 202, "Accepted").toTag("n1"));
            assertEquals(202, status(caller.next(WAIT)));
        }
    }

    // ------------------------------------------------------------------ SIP text

    private static SipBuilder request(SipPeer caller, String method, String ruri) {
        return SipBuilder.request(method, ruri).via(caller).from("<sip:alice@127.0.0.1>").contact("alice", caller);
    }

    /** A request from the caller in the dialog of a 2xx: R-URI = remote Contact, Route = reversed Record-Route. */
    private static SipBuilder inDialog(SipPeer caller, String method, String ok, int cseq) {
        return SipBuilder.inDialog(method, ok).via(caller).cseq(cseq);
    }

    /** The callee's BYE: R-URI = the caller's Contact, Route = Record-Route in order, From and To swapped. */
    private static SipBuilder byeFromCallee(SipPeer callee, String inv, String ok, List<String> rr) {
        return SipBuilder.request("BYE", contactUri(inv)).via(callee).route(rr.toArray(String[]::new))
                .fromValue(header(ok, "To")).to(header(ok, "From")).callId(header(ok, "Call-ID"));
    }

    /** A loose-routing proxy's forwarding of a request it received: its Route popped, its Via added. */
    private static String forwardAsProxy(String req, SipPeer self) {
        List<String> routes = entries(req, "Route");
        StringBuilder sb = new StringBuilder();
        String[] lines = req.substring(0, req.indexOf("\r\n\r\n")).split("\r\n");
        sb.append(lines[0]).append("\r\n");
        sb.append("Via: SIP/2.0/").append(self.transport()).append(" 127.0.0.1:").append(self.address().getPort())
                .append(";branch=z9hG4bK-p-").append(SipBuilder.next()).append(";rport\r\n");
        for (String r : routes.subList(1, routes.size())) {
            sb.append("Route: ").append(r).append("\r\n");
        }
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].regionMatches(true, 0, "Route:", 0, 6)) {
                sb.append(lines[i]).append("\r\n");
            }
        }
        return sb.append("\r\n").toString();
    }

    /** A proxy's forwarding of a response: its own (top) Via removed. */
    private static String withoutTopVia(String resp) {
        String top = "Via: " + headers(resp, "Via").get(0) + "\r\n";
        int at = resp.indexOf(top);
        assertTrue(at > 0, resp);
        String rest = resp.substring(0, at) + resp.substring(at + top.length());
        List<String> vias = headers(resp, "Via");
        assertTrue(vias.size() > 1, resp);
        return rest;
    }
}
