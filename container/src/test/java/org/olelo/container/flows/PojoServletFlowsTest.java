package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.olelo.core.testkit.SipText.contactUri;
import static org.olelo.core.testkit.SipText.header;
import static org.olelo.core.testkit.SipText.method;
import static org.olelo.core.testkit.SipText.status;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.olelo.container.testkit.TestServer;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipPeer;

/**
 * JSR 359 SIP servlet POJOs end to end: real SIP text to a server with POJO applications deployed
 * (see {@link PojoApps}), in memory and over UDP. Checks which annotated Java method handled each
 * message, CDI injection into the POJO, listeners for POJO servlets, predicates, the default answer
 * when no method matches, and response methods of a proxying POJO.
 */
class PojoServletFlowsTest {

    private static final long WAIT = 3000;

    @TempDir
    Path tmp;
    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private void startUas(SipPeer.Kind kind) throws Exception {
        server = TestServer.builder().app("calls", PojoApps.calls()).app("narrow", PojoApps.narrow())
                .routing(PojoApps.ROUTING).transport(kind).start(tmp);
    }

    /** The Request-URI of requests to the applications: a user at the server's own address. */
    private String bob() {
        return "sip:bob@127.0.0.1:" + server.address().getPort();
    }

    private SipBuilder simple(SipPeer peer, String method, String extra) {
        return SipBuilder.request(method, bob()).via(peer).from("<sip:alice@127.0.0.1>").contact("caller", peer).lines(extra);
    }

    /**
     * An in-dialog request from the caller after the 2xx: R-URI = remote Contact (the first
     * Request-URI when the 2xx has none), To with its tag.
     */
    private SipBuilder inDialog(SipPeer caller, String method, String ok, int cseq) {
        String target = header(ok, "Contact") != null ? contactUri(ok) : bob();
        return SipBuilder.request(method, target).via(caller).fromValue(header(ok, "From")).to(header(ok, "To"))
                .callId(header(ok, "Call-ID")).cseq(cseq);
    }

    @ParameterizedTest
    @EnumSource(value = SipPeer.Kind.class, names = {"MEMORY", "UDP"})
    void inviteMethodAnswersRingingThenOkWithInjectedFactory(SipPeer.Kind kind) throws Exception {
        startUas(kind);
        try (SipPeer caller = server.caller()) {
            caller.send(simple(caller, "INVITE", ""));
            String ringing = caller.next(WAIT);
            assertEquals(180, status(ringing), String.valueOf(ringing));
            String ok = caller.next(WAIT);
            assertEquals(200, status(ok), String.valueOf(ok));
            assertEquals("invite", header(ok, "X-Handler"));
            assertEquals("true", header(ok, "X-Injected"), "the POJO is created by CDI");
            assertEquals(header(ringing, "To"), header(ok, "To"), "one dialog");
            caller.send(inDialog(caller, "ACK", ok, 1));
        }
    }

    @ParameterizedTest
    @EnumSource(value = SipPeer.Kind.class, names = {"MEMORY", "UDP"})
    void ackAndByeReachTheirMethodsInTheDialog(SipPeer.Kind kind) throws Exception {
        startUas(kind);
        try (SipPeer caller = server.caller()) {
            caller.send(simple(caller, "INVITE", ""));
            assertEquals(180, status(caller.next(WAIT)));
            String ok = caller.next(WAIT);
            assertEquals(200, status(ok));
            caller.send(inDialog(caller, "ACK", ok, 1));
            // datagrams sent back to back may reach the application in either order (several reader
            // threads, as in any multi-worker SIP server); a phone hangs up long after its ACK
            Thread.sleep(300);
            caller.send(inDialog(caller, "BYE", ok, 2));
            String byeOk = caller.next(WAIT);
            assertNotNull(byeOk, "an answer to BYE");
            assertEquals(200, status(byeOk), byeOk);
            assertEquals("BYE", method(byeOk));
            assertEquals("bye", header(byeOk, "X-Handler"));
            assertEquals("yes", header(byeOk, "X-Acked"), "the @Ack method ran before the BYE");
        }
    }

    @ParameterizedTest
    @EnumSource(value = SipPeer.Kind.class, names = {"MEMORY", "UDP"})
    void anyMethodTakesWhatNoSpecificMethodTakesAndPredicatesNarrow(SipPeer.Kind kind) throws Exception {
        startUas(kind);
        try (SipPeer caller = server.caller()) {
            caller.send(simple(caller, "OPTIONS", ""));
            String options = caller.next(WAIT);
            assertEquals(200, status(options), String.valueOf(options));
            assertEquals("any:OPTIONS", header(options, "X-Handler"));
            assertEquals("[xml:calls, annotated:calls]", header(options, "X-Initialized"),
                    "the sip.xml listener and the @SipListener heard the POJO servlet's initialisation");

            caller.send(simple(caller, "MESSAGE", ""));
            assertEquals("message", header(caller.next(WAIT), "X-Handler"), "@Message beats @AnyMethod");

            caller.send(simple(caller, "MESSAGE", "X-Urgent: now\r\n"));
            assertEquals("urgent-message", header(caller.next(WAIT), "X-Handler"),
                    "@Message with an accepting predicate beats plain @Message");
        }
    }

    @ParameterizedTest
    @EnumSource(value = SipPeer.Kind.class, names = {"MEMORY", "UDP"})
    void aRequestNoMethodAcceptsGetsTheDefaultAnswer(SipPeer.Kind kind) throws Exception {
        startUas(kind);
        try (SipPeer caller = server.caller()) {
            caller.send(simple(caller, "INFO", "X-Flag: yes\r\n"));
            String flagged = caller.next(WAIT);
            assertEquals(200, status(flagged), String.valueOf(flagged));
            assertEquals("flagged-info", header(flagged, "X-Handler"));

            caller.send(simple(caller, "INFO", "X-Flag: no\r\n"));
            String refused = caller.next(WAIT);
            assertEquals(500, status(refused), "the predicate refused and no other method matches: " + refused);

            caller.send(simple(caller, "REGISTER", ""));
            assertEquals(500, status(caller.next(WAIT)), "no method for REGISTER at all");
        }
    }

    @ParameterizedTest
    @EnumSource(value = SipPeer.Kind.class, names = {"MEMORY", "UDP"})
    void proxyingPojoSeesBranchProvisionalAndSuccessResponses(SipPeer.Kind kind) throws Exception {
        server = TestServer.builder().app("relay", PojoApps.relay()).routing(PojoApps.RELAY_ROUTING).transport(kind).start(tmp);
        try (SipPeer caller = server.caller(); SipPeer busy = server.callee(); SipPeer answering = server.callee()) {
            String targets = "X-Targets: " + server.uriOf("b1", busy) + " " + server.uriOf("b2", answering) + "\r\n";
            caller.send(simple(caller, "INVITE", targets));
            String inv1 = busy.receive(WAIT);
            assertNotNull(inv1, "the first target is tried");
            busy.send(SipBuilder.response(inv1, 486, "Busy Here").toTag("t1"));
            assertEquals("ACK", method(busy.receive(WAIT)));
            String inv2 = answering.receive(WAIT);
            assertNotNull(inv2, "the search goes on with the second target");
            String contact = "<" + server.uriOf("b2", answering) + ">";
            answering.send(SipBuilder.response(inv2, 183, "Session Progress").toTag("t2").contact(contact));
            String progress = caller.next(WAIT);
            assertEquals(183, status(progress), String.valueOf(progress));
            assertEquals("provisional", header(progress, "X-Handler"), "@ProvisionalResponse");
            answering.send(SipBuilder.response(inv2, 180, "Ringing").toTag("t2").contact(contact));
            String ringing = caller.next(WAIT);
            assertEquals(180, status(ringing));
            assertEquals("ringing", header(ringing, "X-Handler"), "a status code beats a status range");
            answering.send(SipBuilder.response(inv2, 200, "OK").toTag("t2").contact(contact));
            String ok = caller.next(WAIT);
            assertEquals(200, status(ok));
            assertEquals("success after 486", header(ok, "X-Handler"),
                    "@Invite @BranchResponse saw the 486 of the first branch, @SuccessResponse the 200");
        }
    }

    @ParameterizedTest
    @EnumSource(value = SipPeer.Kind.class, names = {"MEMORY", "UDP"})
    void proxyingPojoSeesTheBestErrorAfterItsBranchResponse(SipPeer.Kind kind) throws Exception {
        server = TestServer.builder().app("relay", PojoApps.relay()).routing(PojoApps.RELAY_ROUTING).transport(kind).start(tmp);
        try (SipPeer caller = server.caller(); SipPeer busy = server.callee()) {
            caller.send(simple(caller, "INVITE", "X-Targets: " + server.uriOf("b1", busy) + "\r\n"));
            String inv = busy.receive(WAIT);
            assertNotNull(inv);
            busy.send(SipBuilder.response(inv, 486, "Busy Here").toTag("t1"));
            assertEquals("ACK", method(busy.receive(WAIT)));
            String busyHere = caller.next(WAIT);
            assertEquals(486, status(busyHere), String.valueOf(busyHere));
            assertEquals("error after 486", header(busyHere, "X-Handler"),
                    "the branch method saw the 486 first, then @ErrorResponse the best response");
        }
    }
}
