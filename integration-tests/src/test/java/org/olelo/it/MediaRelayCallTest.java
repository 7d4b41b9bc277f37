package org.olelo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code media-relay} application in a real {@code olelo.jar} process, composed in front of
 * the {@code proxy} application, with a real rtpengine daemon: a caller and a callee written by
 * hand over UDP exchange SDP through the server, and each must receive rtpengine's address and
 * ports instead of the other's; rtpengine must hold the call while it lasts and no longer after
 * the BYE, the CANCEL or the failure response; and a first instance that does not answer must
 * leave the call to the second.
 */
@Timeout(120)
class MediaRelayCallTest {

    static final String ROUTING =
            "INVITE: (\"media-relay\", \"DAR:From\", \"ORIGINATING\", \"\", \"NO_ROUTE\", \"0\"),"
            + " (\"proxy\", \"DAR:To\", \"TERMINATING\", \"\", \"NO_ROUTE\", \"1\")\n";
    /** The commented example of deploy/routing.properties, with REGISTER to the registrar. */
    static final String REGISTRAR_ROUTING = "REGISTER: (\"registrar\", \"DAR:To\", \"TERMINATING\", \"\", \"NO_ROUTE\", \"0\")\n"
            + "INVITE: (\"media-relay\", \"DAR:From\", \"ORIGINATING\", \"\", \"NO_ROUTE\", \"0\", \"ruri.local=true\"),"
            + " (\"registrar\", \"DAR:To\", \"TERMINATING\", \"\", \"NO_ROUTE\", \"1\", \"ruri.local=true\")\n";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String CALLER_MEDIA = "127.0.0.5";
    private static final String CALLEE_MEDIA = "127.0.0.6";
    private static final AtomicInteger CALLS = new AtomicInteger();

    @RegisterExtension
    final OleloExtension processes = OleloExtension.onDemand();
    @RegisterExtension
    final SippRunner sipp = new SippRunner();
    @TempDir
    Path folder;
    private RtpengineProcess rtp;
    private OleloProcess olelo;
    private SdpUa caller;
    private SdpUa callee;

    @AfterEach
    void stop() throws Exception {
        if (caller != null) {
            caller.close();
        }
        if (callee != null) {
            callee.close();
        }
        if (rtp != null) {
            rtp.close();
        }
    }

    private void start(String instances) throws Exception {
        olelo = processes.create(ROUTING, "media-relay", "proxy");
        olelo.appProperties("media-relay", "rtpengine.instances=" + instances + "\n"
                + "rtpengine.retransmit.millis=300\nrtpengine.tries=3\nrtpengine.flags=replace-origin replace-session-connection\n");
        olelo.start();
        caller = new SdpUa("alice");
        callee = new SdpUa("bob");
    }

    private String calleeUri() {
        return "sip:bob@127.0.0.1:" + callee.port();
    }

    /** Sends the caller's INVITE and returns it as the callee received it. */
    private SdpUa.Message invite(String callId) throws Exception {
        caller.send(SdpUa.invite(calleeUri(), caller, "a" + callId, callId, SdpUa.sdp("alice", CALLER_MEDIA, 23_456)), olelo.port());
        return callee.await(SdpUa.request("INVITE"), WAIT);
    }

    private static String callId() {
        return "media-" + ProcessHandle.current().pid() + "-" + CALLS.incrementAndGet() + "-" + System.nanoTime();
    }

    /** rtpengine's address and one of its media ports, and nothing of the other party's. */
    private void assertRelayed(String sdp, String otherAddress, int otherPort, String who) {
        String context = who + " got:\n" + sdp + "\n--- rtpengine\n" + rtp.log() + "\n--- olelo\n" + logOf(olelo);
        assertEquals(List.of("127.0.0.1"), RtpengineProcess.connectionsOf(sdp).stream().distinct().toList(), context);
        List<Integer> ports = RtpengineProcess.mediaPortsOf(sdp);
        assertEquals(1, ports.size(), context);
        assertTrue(ports.getFirst() >= rtp.portMin && ports.getFirst() <= rtp.portMax, context);
        assertFalse(sdp.contains(otherAddress), context);
        assertTrue(ports.getFirst() != otherPort, context);
    }

    @Test
    void bothPartiesSeeRtpengineAndTheByeDeletesTheSession() throws Exception {
        rtp = RtpengineProcess.start(folder);
        start(rtp.instance());
        callAndHangUp(calleeUri());
    }

    /**
     * As in deploy/routing.properties' example: media-relay in front of the registrar's location
     * service; bob registers (digest, sipp) and his phone, on the registered port, gets the call
     * for sip:bob@127.0.0.1 with rtpengine's SDP.
     */
    @Test
    void composedInFrontOfTheRegistrarAsTheRoutingExampleSays() throws Exception {
        rtp = RtpengineProcess.start(folder);
        olelo = processes.create(REGISTRAR_ROUTING, "media-relay", "registrar");
        olelo.appProperties("media-relay", "rtpengine.instances=" + rtp.instance() + "\n"
                + "rtpengine.flags=replace-origin replace-session-connection\n");
        assertEquals(0, olelo.subscriber("add", "bob@127.0.0.1", "--password", "b0b"), "subscriber bob");
        olelo.start();
        int bobPort = FreePorts.udp();
        SippResult r = sipp.start("reg-bob", "register.xml", "-s", "bob", "-au", "bob", "-ap", "b0b",
                "-key", "expires", "600", "-i", "127.0.0.1", "-p", Integer.toString(bobPort), "-m", "1",
                "127.0.0.1:" + olelo.port()).await(SippRunner.SIPP_TIMEOUT.plusSeconds(10));
        assertTrue(r.allSuccessful(1), r::describe);
        caller = new SdpUa("alice");
        callee = new SdpUa("bob", bobPort);
        callAndHangUp("sip:bob@127.0.0.1");
    }

    /** A call with SDP both ways, ACK, BYE from the caller: both see rtpengine, which forgets the call after the BYE. */
    private void callAndHangUp(String requestUri) throws Exception {
        String callId = callId();
        caller.send(SdpUa.invite(requestUri, caller, "a" + callId, callId, SdpUa.sdp("alice", CALLER_MEDIA, 23_456)),
                olelo.port());
        SdpUa.Message inviteIn = callee.await(SdpUa.request("INVITE"), WAIT);
        assertRelayed(inviteIn.body(), CALLER_MEDIA, 23_456, "callee");
        assertTrue(rtp.knows(callId), "rtpengine holds the call after the offer");

        callee.send(SdpUa.answer(inviteIn, 200, "OK", "b1", callee, SdpUa.sdp("bob", CALLEE_MEDIA, 34_568)), olelo.port());
        SdpUa.Message ok = caller.await(SdpUa.response(200, "INVITE"), WAIT);
        assertRelayed(ok.body(), CALLEE_MEDIA, 34_568, "caller");

        caller.send(SdpUa.inDialog("ACK", 1, ok, caller, null), olelo.port());
        callee.await(SdpUa.request("ACK"), WAIT);
        assertTrue(rtp.knows(callId), "rtpengine holds the call while it lasts");

        caller.send(SdpUa.inDialog("BYE", 2, ok, caller, null), olelo.port());
        SdpUa.Message bye = callee.await(SdpUa.request("BYE"), WAIT);
        callee.send(SdpUa.answer(bye, 200, "OK", null, callee, null), olelo.port());
        caller.await(SdpUa.response(200, "BYE"), WAIT);
        assertFalse(rtp.knows(callId), () -> "rtpengine still holds the call after the BYE\n" + logOf(olelo));
    }

    /**
     * An INVITE without SDP: the callee's 2xx carries the offer and the caller's ACK the answer;
     * then the callee re-INVITEs and the caller UPDATEs with new ports. Every SDP either party
     * receives is rtpengine's.
     */
    @Test
    void lateOfferReInviteAndUpdateAreRelayedToo() throws Exception {
        rtp = RtpengineProcess.start(folder);
        start(rtp.instance());
        String callId = callId();
        caller.send(SdpUa.invite(calleeUri(), caller, "a1", callId, null), olelo.port());
        SdpUa.Message inviteIn = callee.await(SdpUa.request("INVITE"), WAIT);
        assertEquals("", inviteIn.body());
        callee.send(SdpUa.answer(inviteIn, 200, "OK", "b1", callee, SdpUa.sdp("bob", CALLEE_MEDIA, 34_568)), olelo.port());
        SdpUa.Message ok = caller.await(SdpUa.response(200, "INVITE"), WAIT);
        assertRelayed(ok.body(), CALLEE_MEDIA, 34_568, "caller (offer in the 2xx)");
        assertTrue(rtp.knows(callId));
        caller.send(SdpUa.inDialog("ACK", 1, ok, caller, SdpUa.sdp("alice", CALLER_MEDIA, 23_456)), olelo.port());
        SdpUa.Message ack = callee.await(SdpUa.request("ACK"), WAIT);
        assertRelayed(ack.body(), CALLER_MEDIA, 23_456, "callee (answer in the ACK)");

        callee.send(SdpUa.fromCallee("INVITE", 1, inviteIn, "b1", callee, SdpUa.sdp("bob", CALLEE_MEDIA, 34_570)), olelo.port());
        SdpUa.Message reInvite = caller.await(SdpUa.request("INVITE"), WAIT);
        assertRelayed(reInvite.body(), CALLEE_MEDIA, 34_570, "caller (re-INVITE)");
        caller.send(SdpUa.answer(reInvite, 200, "OK", null, caller, SdpUa.sdp("alice", CALLER_MEDIA, 23_458)), olelo.port());
        SdpUa.Message reOk = callee.await(SdpUa.response(200, "INVITE"), WAIT);
        assertRelayed(reOk.body(), CALLER_MEDIA, 23_458, "callee (answer to the re-INVITE)");
        callee.send(SdpUa.fromCallee("ACK", 1, inviteIn, "b1", callee, null), olelo.port());
        caller.await(SdpUa.request("ACK"), WAIT);

        caller.send(SdpUa.inDialog("UPDATE", 2, ok, caller, SdpUa.sdp("alice", CALLER_MEDIA, 23_460)), olelo.port());
        SdpUa.Message update = callee.await(SdpUa.request("UPDATE"), WAIT);
        assertRelayed(update.body(), CALLER_MEDIA, 23_460, "callee (UPDATE)");
        callee.send(SdpUa.answer(update, 200, "OK", null, callee, SdpUa.sdp("bob", CALLEE_MEDIA, 34_572)), olelo.port());
        SdpUa.Message updated = caller.await(SdpUa.response(200, "UPDATE"), WAIT);
        assertRelayed(updated.body(), CALLEE_MEDIA, 34_572, "caller (answer to the UPDATE)");

        callee.send(SdpUa.fromCallee("BYE", 2, inviteIn, "b1", callee, null), olelo.port());
        SdpUa.Message bye = caller.await(SdpUa.request("BYE"), WAIT);
        caller.send(SdpUa.answer(bye, 200, "OK", null, caller, null), olelo.port());
        callee.await(SdpUa.response(200, "BYE"), WAIT);
        assertFalse(rtp.knows(callId), () -> "rtpengine still holds the call after the callee's BYE\n" + logOf(olelo));
    }

    @Test
    void aCancelledCallIsDeleted() throws Exception {
        rtp = RtpengineProcess.start(folder);
        start(rtp.instance());
        String callId = callId();
        String invite = SdpUa.invite(calleeUri(), caller, "a1", callId, SdpUa.sdp("alice", CALLER_MEDIA, 23_456));
        caller.send(invite, olelo.port());
        SdpUa.Message inviteIn = callee.await(SdpUa.request("INVITE"), WAIT);
        callee.send(SdpUa.answer(inviteIn, 180, "Ringing", "b1", callee, null), olelo.port());
        caller.await(SdpUa.response(180, "INVITE"), WAIT);
        assertTrue(rtp.knows(callId));

        caller.send(SdpUa.cancel(SdpUa.Message.parse(invite)), olelo.port());
        caller.await(SdpUa.response(200, "CANCEL"), WAIT);
        SdpUa.Message cancelIn = callee.await(SdpUa.request("CANCEL"), WAIT);
        callee.send(SdpUa.answer(cancelIn, 200, "OK", null, callee, null), olelo.port());
        callee.send(SdpUa.answer(inviteIn, 487, "Request Terminated", "b1", callee, null), olelo.port());
        caller.await(SdpUa.response(487, "INVITE"), WAIT);
        assertFalse(rtp.knows(callId), () -> "rtpengine still holds the cancelled call\n" + logOf(olelo));
    }

    @Test
    void aFailureResponseDeletesTheSession() throws Exception {
        rtp = RtpengineProcess.start(folder);
        start(rtp.instance());
        String callId = callId();
        SdpUa.Message inviteIn = invite(callId);
        assertTrue(rtp.knows(callId));
        callee.send(SdpUa.answer(inviteIn, 486, "Busy Here", "b1", callee, null), olelo.port());
        caller.await(SdpUa.response(486, "INVITE"), WAIT);
        assertFalse(rtp.knows(callId), () -> "rtpengine still holds the refused call\n" + logOf(olelo));

        String bad = callId();
        caller.send(SdpUa.invite(calleeUri(), caller, "a2", bad, "this is no SDP\r\n"), olelo.port());
        caller.await(SdpUa.response(488, "INVITE"), WAIT);
        assertFalse(rtp.knows(bad));
        assertTrue(callee.drain(Duration.ofMillis(500)).stream().noneMatch(m -> bad.equals(m.header("call-id"))),
                "SDP rtpengine refuses goes no further");
    }

    @Test
    void noInstanceAnsweringRefusesTheCallWith503() throws Exception {
        try (DatagramSocket dead = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            start("udp:127.0.0.1:" + dead.getLocalPort());
            String callId = callId();
            caller.send(SdpUa.invite(calleeUri(), caller, "a1", callId, SdpUa.sdp("alice", CALLER_MEDIA, 23_456)), olelo.port());
            SdpUa.Message refused = caller.await(SdpUa.response(503, "INVITE"), WAIT);
            assertTrue(refused.startLine().equals("SIP/2.0 503 Media Relay Unavailable"), refused.startLine());
            assertEquals(List.of(), callee.drain(Duration.ofMillis(500)), "the call goes no further");
        }
    }

    @Test
    void aFirstInstanceThatDoesNotAnswerLeavesTheCallToTheNext() throws Exception {
        rtp = RtpengineProcess.start(folder);
        try (DatagramSocket dead = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            start("udp:127.0.0.1:" + dead.getLocalPort() + ";weight=1000000, " + rtp.instance() + ";weight=1");
            String callId = callId();
            SdpUa.Message inviteIn = invite(callId);
            assertRelayed(inviteIn.body(), CALLER_MEDIA, 23_456, "callee");
            assertTrue(rtp.knows(callId));
            dead.setSoTimeout(1000);
            DatagramPacket p = new DatagramPacket(new byte[65_535], 65_535);
            dead.receive(p); // the offer went there first
            assertTrue(new String(p.getData(), 0, p.getLength()).contains("5:offer"));
            callee.send(SdpUa.answer(inviteIn, 486, "Busy Here", "b1", callee, null), olelo.port());
            caller.await(SdpUa.response(486, "INVITE"), WAIT);
            assertFalse(rtp.knows(callId));

            String deadName = "udp:127.0.0.1:" + dead.getLocalPort();
            String list = rpc("rtpengine.list");
            assertTrue(list.matches("(?s).*\\{\"instance\":\"" + deadName + "\",\"weight\":1000000,\"state\":\"disabled\".*"), list);
            assertTrue(list.matches("(?s).*\\{\"instance\":\"" + rtp.instance()
                    + "\",\"weight\":1,\"state\":\"active\",\"disabled_until\":null,\"sessions\":0,\"offers\":1,"
                    + "\"answers\":0,\"deletes\":1,\"failures\":0\\}.*"), list);
            assertTrue(list.matches("(?s).*\"stray_datagrams\":\\d+.*"), list); // late answers to retransmissions count
            String ping = rpc("rtpengine.ping");
            assertTrue(ping.contains("{\"instance\":\"" + rtp.instance() + "\",\"result\":\"pong\"}"), ping);
            assertTrue(ping.contains("{\"instance\":\"" + deadName + "\",\"result\":\"" + deadName + " did not answer"), ping);
            String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(olelo.httpBase() + "/metrics"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(metrics.contains("olelo_rtpengine_offers_total{instance=\"" + rtp.instance() + "\"} 1"), metrics);
            assertTrue(metrics.contains("olelo_rtpengine_failures_total{instance=\"" + deadName + "\"} 2"), metrics);
            assertTrue(metrics.contains("olelo_rtpengine_sessions{instance=\"" + rtp.instance() + "\"} 0"), metrics);
        }
    }

    private String rpc(String method) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(olelo.httpBase() + "/rpc"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"id\":1}"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String logOf(OleloProcess p) {
        try {
            return p == null ? "" : p.log();
        } catch (java.io.IOException e) {
            return "(no olelo log)";
        }
    }
}
