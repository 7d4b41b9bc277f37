package org.olelo.container.ua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.olelo.core.testkit.SipText.header;
import static org.olelo.core.testkit.SipText.method;
import static org.olelo.core.testkit.SipText.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.container.testkit.CommonApps;
import org.olelo.container.testkit.TestServer;
import org.olelo.core.stats.CoreStatistics.Event;
import org.olelo.core.testkit.Dnsmasq;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipPeer;
import org.olelo.core.testkit.UdpPeer;
import org.olelo.core.transaction.TimerSettings;

/**
 * RFC 3263 failover of requests an application sends (UAC): {@code sip:bob@example.test} has two
 * SRV targets (dnsmasq); when the first answers 503 or does not answer until Timer F, the request
 * goes to the second in a new transaction, and the application sees only the second's answer.
 */
class UacDnsFailoverTest {

    static final String APP = """
            package t;
            import jakarta.servlet.sip.*;
            import java.io.IOException;
            public class Sender extends SipServlet {
                @Override
                protected void doMessage(SipServletRequest req) throws jakarta.servlet.ServletException, IOException {
                    SipFactory f = (SipFactory) getServletContext().getAttribute(SIP_FACTORY);
                    SipApplicationSession as = req.getApplicationSession();
                    as.setAttribute("original", req);
                    SipServletRequest out = f.createRequest(as, "MESSAGE", "sip:app@127.0.0.1", "sip:bob@example.test");
                    out.send();
                }
                @Override
                protected void doResponse(SipServletResponse resp) throws jakarta.servlet.ServletException, IOException {
                    SipServletRequest original = (SipServletRequest) resp.getApplicationSession().getAttribute("original");
                    original.createResponse(resp.getStatus()).send();
                }
            }
            """;

    private static final long WAIT = 8000;

    @TempDir
    Path tmp;
    private TestServer server;
    private Dnsmasq dns;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (dns != null) {
            dns.close();
        }
    }

    private void start(UdpPeer first, UdpPeer second) throws Exception {
        Dnsmasq.assumeInstalled();
        dns = Dnsmasq.start(Files.createDirectories(tmp.resolve("dns")), List.of("local=/example.test/",
                "srv-host=_sip._udp.example.test,uas1.example.test," + first.address().getPort() + ",10,0",
                "srv-host=_sip._udp.example.test,uas2.example.test," + second.address().getPort() + ",20,0",
                "host-record=uas1.example.test,127.0.0.1",
                "host-record=uas2.example.test,127.0.0.1"));
        server = TestServer.builder().app("sender", CommonApps.servlet("sender", "t.Sender", Map.of("t.Sender", APP)))
                .routeAllTo("sender").transport(SipPeer.Kind.UDP)
                .extension("dns.servers", dns.server())
                // T1 of 50 ms: Timer F fires after 3.2 s
                .settings(c -> c.withCore(c.core().withTimers(new TimerSettings(50, 4000, 5000)))).start(tmp);
    }

    private SipBuilder message(SipPeer c) {
        return SipBuilder.request("MESSAGE", "sip:app@127.0.0.1").via(c).from("<sip:alice@127.0.0.1>");
    }

    @Test
    void a503SendsTheApplicationsRequestToTheNextTarget() throws Exception {
        try (UdpPeer first = new UdpPeer(null); UdpPeer second = new UdpPeer(null)) {
            start(first, second);
            try (SipPeer c = server.caller()) {
                c.send(message(c));
                String m1 = first.receive(WAIT);
                assertNotNull(m1, "the application's MESSAGE went to the SRV target of priority 10");
                first.sendTo(SipBuilder.response(m1, 503, "Service Unavailable").toTag("x").bytes(), server.address());
                String m2 = second.receive(WAIT);
                assertNotNull(m2, "then to the second target");
                assertEquals("MESSAGE", method(m2));
                assertNotEquals(header(m1, "Via"), header(m2, "Via"), "a new branch");
                assertEquals(header(m1, "Call-ID"), header(m2, "Call-ID"));
                second.sendTo(SipBuilder.response(m2, 202, "Accepted").toTag("y").bytes(), server.address());
                assertEquals(202, status(c.finalResponse(WAIT)), "the application saw the second target's answer");
                assertEquals(1, server.server().core().statistics().get(Event.DNS_FAILOVER));
            }
        }
    }

    @Test
    void aTargetThatNeverAnswersIsLeftAtTimerF() throws Exception {
        try (UdpPeer first = new UdpPeer(null); UdpPeer second = new UdpPeer(null)) {
            start(first, second);
            try (SipPeer c = server.caller()) {
                c.send(message(c));
                assertNotNull(first.receive(WAIT), "sent to the first target, which stays silent");
                String m2 = second.receiveUntil(WAIT, m -> "MESSAGE".equals(method(m)));
                assertNotNull(m2, "sent to the second target after Timer F");
                second.sendTo(SipBuilder.response(m2, 200, "OK").toTag("y").bytes(), server.address());
                assertEquals(200, status(c.finalResponse(WAIT)));
            }
        }
    }
}
