package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.olelo.core.testkit.SipText.status;

import ch.qos.logback.classic.Level;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.olelo.container.boot.LogSettings;
import org.olelo.container.testkit.CommonApps;
import org.olelo.container.testkit.DigestClient;
import org.olelo.container.testkit.TestServer;
import org.olelo.core.testkit.MemoryPeer;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipPeer;
import org.olelo.core.testkit.SipText;

/**
 * The call log over real SIP: one line per initial request as it came from the network, written
 * when its final response leaves, with the chain of applications of this server that handled it,
 * whatever answered it (an application, no application, the authentication guard, overload);
 * in-dialog requests and retransmissions add nothing; digest values never appear; it can be off.
 */
class CallLogTest {

    private static final String CALLS = "olelo.calls";
    private static final String CHAIN = """
            INVITE: ("orig", "DAR:From", "ORIGINATING", "", "NO_ROUTE", "0"), ("term", "DAR:To", "TERMINATING", "", "NO_ROUTE", "1")
            """;
    private static final Pattern LINE = Pattern.compile("method=(\\S+) from=(\\S+) to=(\\S+) ruri=(\\S+) src=(\\S+)"
            + " transport=(udp|tcp) call-id=(\\S+) apps=(\\S+) status=(\\d{3}) reason=(\"[^\"]*\"|\\S+) ms=(\\d+)( detail=.*)?");

    @TempDir
    Path tmp;
    private AutoCloseable server;
    private LogCapture log;

    @AfterEach
    void stop() throws Exception {
        if (log != null) {
            log.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private List<String> linesOf(String callId) throws InterruptedException {
        log.await("call-id=" + callId + " ", 2000);
        Thread.sleep(100); // a second line would come at once
        return log.messages().stream().filter(m -> m.contains("call-id=" + callId + " ")).toList();
    }

    private static Matcher parse(String line) {
        Matcher m = LINE.matcher(line);
        assertTrue(m.matches(), line);
        return m;
    }

    @ParameterizedTest
    @EnumSource(value = SipPeer.Kind.class, names = {"MEMORY", "UDP"})
    void oneLinePerCallWithTheChainOfApplications(SipPeer.Kind kind) throws Exception {
        log = new LogCapture(CALLS, Level.INFO);
        TestServer s = TestServer.builder().app("orig", CommonApps.recorder("orig")).app("term", CommonApps.recorder("term"))
                .routing(CHAIN).transport(kind).start(tmp);
        server = s;
        try (SipPeer caller = s.caller(); SipPeer callee = s.callee()) {
            CallScript call = new CallScript(caller, callee, "alice", "bob", s.uriOf("bob", callee));
            call.call();
            List<String> lines = linesOf(call.callId());
            assertEquals(1, lines.size(), "one line for the INVITE, none for ACK and BYE, none per internal hop: " + lines);
            Matcher m = parse(lines.get(0));
            assertEquals("INVITE", m.group(1));
            assertEquals("alice@127.0.0.1", m.group(2));
            assertEquals("bob@127.0.0.1", m.group(3));
            assertEquals(s.uriOf("bob", callee), m.group(4));
            assertEquals("127.0.0.1:" + caller.address().getPort(), m.group(5));
            assertEquals("udp", m.group(6));
            assertEquals("orig,term", m.group(8), "both applications of the chain, in order");
            assertEquals("200", m.group(9));
            assertEquals("OK", m.group(10));
            assertEquals(null, m.group(12));
        }
    }

    @Test
    void requestsNoApplicationTakesAreLoggedAndRetransmissionsAddNothing() throws Exception {
        log = new LogCapture(CALLS, Level.INFO);
        TestServer s = TestServer.builder().app("p", TraceApps.proxy())
                .routing("INVITE: (\"p\", \"DAR:From\", \"ORIGINATING\", \"\", \"NO_ROUTE\", \"0\")\n")
                .transport(SipPeer.Kind.UDP).start(tmp);
        server = s;
        try (SipPeer caller = s.caller()) {
            String local = SipBuilder.request("OPTIONS", "sip:nobody@127.0.0.1").via(caller).from("<sip:alice@127.0.0.1>")
                    .build();
            caller.send(local);
            assertEquals(404, status(caller.next(3000)));
            caller.send(local); // a retransmission: answered again from the transaction, not logged again
            assertEquals(404, status(caller.next(3000)));
            List<String> lines = linesOf(SipText.header(local, "Call-ID"));
            assertEquals(1, lines.size(), lines.toString());
            Matcher m = parse(lines.get(0));
            assertEquals("OPTIONS", m.group(1));
            assertEquals("-", m.group(8), "no application");
            assertEquals("404", m.group(9));
            assertEquals("\"Not Found\"", m.group(10));

            String foreign = SipBuilder.request("MESSAGE", "sip:bob@example.com").via(caller).from("<sip:alice@127.0.0.1>")
                    .build();
            caller.send(foreign);
            assertEquals(403, status(caller.next(3000)));
            m = parse(linesOf(SipText.header(foreign, "Call-ID")).get(0));
            assertEquals("bob@example.com", m.group(3));
            assertEquals("403", m.group(9));
            assertEquals("-", m.group(8));
        }
    }

    @Test
    void authenticationAnswersAreLoggedWithoutDigestValues() throws Exception {
        log = new LogCapture(CALLS, Level.INFO);
        TestServer sip = TestServer.builder().app("reg", AuthApps.constrained()).routing(AuthApps.ROUTING).start(tmp);
        server = sip;
        AuthApps.subscriber(sip.server().database().defaultPool(), "bob", "127.0.0.1", "s3cret", "a");
        MemoryPeer ua = sip.memoryPeer(7);
        String first = AuthApps.request("REGISTER", "bob", ua).build();
        String challenge = ua.finalResponseTo(first);
        assertEquals(401, status(challenge));
        Matcher m = parse(linesOf(SipText.header(first, "Call-ID")).get(0));
        assertEquals("REGISTER", m.group(1));
        assertEquals("bob@127.0.0.1", m.group(2));
        assertEquals("reg", m.group(8), "the application whose constraint challenged");
        assertEquals("401", m.group(9));
        assertEquals("Unauthorized", m.group(10));

        String answer = DigestClient.answer(DigestClient.withAlgorithm(SipText.headers(challenge, "WWW-Authenticate"), "MD5"),
                "bob", "s3cret", "REGISTER", AuthApps.requestUri("REGISTER"), "00000001");
        String second = AuthApps.request("REGISTER", "bob", ua).header("Authorization", answer).build();
        assertEquals(200, status(ua.finalResponseTo(second)));
        String line = linesOf(SipText.header(second, "Call-ID")).get(0);
        assertEquals("200", parse(line).group(9));
        String response = DigestClient.params(answer).get("response");
        for (String secret : List.of(response, DigestClient.params(answer).get("nonce"), "s3cret", "Digest")) {
            assertFalse(line.contains(secret), secret + " in " + line);
        }
    }

    @Test
    void overloadAnswersAreLogged() throws Exception {
        log = new LogCapture(CALLS, Level.INFO);
        TestServer sip = TestServer.builder().app("p", TraceApps.proxy()).routing(TraceApps.ROUTING).start(tmp);
        server = sip;
        sip.server().runtime().setMaxWaiting(0);
        MemoryPeer ua = sip.memoryPeer(8);
        String options = AuthApps.request("OPTIONS", "alice", ua).build();
        String busy = ua.finalResponseTo(options);
        assertTrue(busy.startsWith("SIP/2.0 503 Service Unavailable\r\n"), busy);
        assertEquals("5", SipText.header(busy, "Retry-After"));
        Matcher m = parse(linesOf(SipText.header(options, "Call-ID")).get(0));
        assertEquals("503", m.group(9));
        assertEquals("-", m.group(8));
        assertTrue(m.group(12).contains("overloaded"), m.group(12));
    }

    @Test
    void theCallLogCanBeTurnedOff() throws Exception {
        log = new LogCapture(CALLS, Level.INFO);
        TestServer sip = TestServer.builder().app("p", TraceApps.proxy()).routing(TraceApps.ROUTING)
                .settings(c -> c.withLog(new LogSettings(false, c.log().trace()))).start(tmp);
        server = sip;
        MemoryPeer ua = sip.memoryPeer(9);
        String register = AuthApps.request("REGISTER", "alice", ua).build();
        assertEquals(200, status(ua.finalResponseTo(register)));
        Thread.sleep(200);
        assertEquals(List.of(), log.messages());
    }
}
