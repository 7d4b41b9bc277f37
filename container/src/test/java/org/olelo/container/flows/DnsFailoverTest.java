package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.olelo.core.testkit.SipText.header;
import static org.olelo.core.testkit.SipText.method;
import static org.olelo.core.testkit.SipText.status;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
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
import org.olelo.core.testkit.SipPeer;
import org.olelo.core.testkit.TcpServerPeer;
import org.olelo.core.testkit.UdpPeer;

/**
 * RFC 3263 through the proxy against a real DNS server (dnsmasq): {@code sip:bob@example.test} has
 * NAPTR and SRV records pointing at two user agents on 127.0.0.1 with different priorities; the
 * call reaches the first, or the second when the first answers 503 or refuses the connection;
 * with a DNS server that does not answer, the call fails with 504 in bounded time while the
 * server keeps serving other requests.
 */
class DnsFailoverTest {

    private static final long WAIT = 5000;

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

    /** dnsmasq with {@code example.test}: NAPTR to {@code service}, whose SRV records are the two ports (priority 10, 20). */
    private void zone(String service, String srv, int first, int second) throws Exception {
        Path d = Files.createDirectories(tmp.resolve("dns"));
        dns = Dnsmasq.start(d, List.of("local=/example.test/",
                "naptr-record=example.test,10,50,\"s\",\"" + service + "\",\"\"," + srv + ".example.test",
                "srv-host=" + srv + ".example.test,uas1.example.test," + first + ",10,0",
                "srv-host=" + srv + ".example.test,uas2.example.test," + second + ",20,0",
                "host-record=uas1.example.test,127.0.0.1",
                "host-record=uas2.example.test,127.0.0.1"));
    }

    private void proxy(Map<String, String> dnsSettings) throws Exception {
        proxy(dnsSettings, org.olelo.core.transaction.TimerSettings.DEFAULT);
    }

    private void proxy(Map<String, String> dnsSettings, org.olelo.core.transaction.TimerSettings timers) throws Exception {
        // no resolver may answer for example.test but the DNS server
        proxy(dnsSettings, timers, host -> {
            throw new java.net.UnknownHostException(host + ": not in this test's DNS");
        });
    }

    private void proxy(Map<String, String> dnsSettings, org.olelo.core.transaction.TimerSettings timers,
                       org.olelo.core.spi.Resolver system) throws Exception {
        TestServer.Builder b = TestServer.builder().app("proxy", CommonApps.forkingProxy()).routeAllTo("proxy")
                .transport(SipPeer.Kind.UDP).listen("tcp:127.0.0.1:0")
                .resolver(system)
                .settings(c -> c.withCore(c.core().withTimers(timers)));
        dnsSettings.forEach(b::extension);
        server = b.start(tmp);
    }

    private long counter(Event e) {
        return server.server().core().statistics().get(e);
    }

    @Test
    void theCallReachesTheTargetOfTheLowestPriority() throws Exception {
        Dnsmasq.assumeInstalled();
        try (UdpPeer first = new UdpPeer(null); UdpPeer second = new UdpPeer(null)) {
            zone("SIP+D2U", "_sip._udp", first.address().getPort(), second.address().getPort());
            proxy(Map.of("dns.servers", dns.server()));
            try (SipPeer c = server.caller()) {
                c.send(ProxyFlowsTest.invite(c, "sip:bob@example.test"));
                String inv = first.receive(WAIT);
                assertNotNull(inv, "INVITE sent to the SRV target of priority 10");
                assertEquals("INVITE", method(inv));
                first.sendTo(ProxyFlowsTest.answer(inv, 200, "OK", "b1").contact("bob", first).bytes(), server.address());
                assertEquals(200, status(c.next(WAIT)));
                assertEquals(null, second.receive(300), "nothing for the second target");
                assertEquals(0, counter(Event.DNS_FAILOVER));
                assertTrue(counter(Event.DNS_LOOKUP) >= 3, "NAPTR, SRV and A queries were sent");
            }
        }
    }

    @Test
    void a503WithoutRetryAfterSendsTheRequestToTheNextTargetWithANewBranch() throws Exception {
        Dnsmasq.assumeInstalled();
        try (UdpPeer first = new UdpPeer(null); UdpPeer second = new UdpPeer(null)) {
            zone("SIP+D2U", "_sip._udp", first.address().getPort(), second.address().getPort());
            proxy(Map.of("dns.servers", dns.server()));
            try (SipPeer c = server.caller()) {
                c.send(ProxyFlowsTest.invite(c, "sip:bob@example.test"));
                String inv1 = first.receive(WAIT);
                assertNotNull(inv1);
                first.sendTo(ProxyFlowsTest.answer(inv1, 503, "Service Unavailable", "b1").bytes(), server.address());
                String ack = first.receive(WAIT);
                assertEquals("ACK", method(ack), "the proxy acknowledges the 503");
                String inv2 = second.receive(WAIT);
                assertNotNull(inv2, "INVITE sent to the second target");
                assertEquals(header(inv1, "Call-ID"), header(inv2, "Call-ID"));
                assertNotEquals(header(inv1, "Via"), header(inv2, "Via"), "a new branch");
                second.sendTo(ProxyFlowsTest.answer(inv2, 200, "OK", "b2").contact("bob", second).bytes(), server.address());
                assertEquals(200, status(c.next(WAIT)), "the caller sees only the answer of the second target");
                assertEquals(1, counter(Event.DNS_FAILOVER));
            }
        }
    }

    @Test
    void aTargetThatNeverAnswersIsLeftAtTimerB() throws Exception {
        Dnsmasq.assumeInstalled();
        try (UdpPeer first = new UdpPeer(null); UdpPeer second = new UdpPeer(null)) {
            zone("SIP+D2U", "_sip._udp", first.address().getPort(), second.address().getPort());
            // T1 of 50 ms: Timer B fires after 3.2 s
            proxy(Map.of("dns.servers", dns.server()), new org.olelo.core.transaction.TimerSettings(50, 4000, 5000));
            try (SipPeer c = server.caller()) {
                c.send(ProxyFlowsTest.invite(c, "sip:bob@example.test"));
                assertNotNull(first.receive(WAIT), "sent to the first target, which stays silent");
                String inv = second.receiveUntil(WAIT, m -> "INVITE".equals(method(m)));
                assertNotNull(inv, "sent to the second target after Timer B");
                second.sendTo(ProxyFlowsTest.answer(inv, 200, "OK", "b2").contact("bob", second).bytes(), server.address());
                assertEquals(200, status(c.next(WAIT)));
                assertEquals(1, counter(Event.DNS_FAILOVER));
            }
        }
    }

    @Test
    void aNameDnsDoesNotKnowIsAskedOfTheSystemResolver() throws Exception {
        Dnsmasq.assumeInstalled();
        try (UdpPeer first = new UdpPeer(null); UdpPeer second = new UdpPeer(null)) {
            zone("SIP+D2U", "_sip._udp", first.address().getPort(), second.address().getPort());
            proxy(Map.of("dns.servers", dns.server()), org.olelo.core.transaction.TimerSettings.DEFAULT, host -> {
                if (host.equals("legacy.example.test")) {
                    return new InetAddress[] {InetAddress.getLoopbackAddress()};
                }
                throw new java.net.UnknownHostException(host);
            });
            try (SipPeer c = server.caller()) {
                c.send(ProxyFlowsTest.invite(c, "sip:bob@legacy.example.test:" + second.address().getPort()));
                String inv = second.receive(WAIT);
                assertNotNull(inv, "DNS says NXDOMAIN; the system resolver's address is used");
                second.sendTo(ProxyFlowsTest.answer(inv, 200, "OK", "b2").contact("bob", second).bytes(), server.address());
                assertEquals(200, status(c.next(WAIT)));
            }
        }
    }

    @Test
    void aWrongDnsSettingStopsTheStartNamingTheKey() {
        org.olelo.container.boot.ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.olelo.container.boot.ConfigException.class, () -> proxy(Map.of("dns.servers", "dns.example.com")));
        assertEquals("the configuration: dns.servers: dns.example.com is not an IP address (a DNS server must be given by"
                + " address)", e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(org.olelo.container.boot.ConfigException.class,
                () -> proxy(Map.of("dns.rfc3263", "yes")));
        assertEquals("the configuration: dns.rfc3263: expected true or false but found 'yes'", e.getMessage());
    }

    @Test
    void a503WithRetryAfterIsTheAnswer() throws Exception {
        Dnsmasq.assumeInstalled();
        try (UdpPeer first = new UdpPeer(null); UdpPeer second = new UdpPeer(null)) {
            zone("SIP+D2U", "_sip._udp", first.address().getPort(), second.address().getPort());
            proxy(Map.of("dns.servers", dns.server()));
            try (SipPeer c = server.caller()) {
                c.send(ProxyFlowsTest.invite(c, "sip:bob@example.test"));
                String inv1 = first.receive(WAIT);
                first.sendTo(ProxyFlowsTest.answer(inv1, 503, "Service Unavailable", "b1").header("Retry-After", "30").bytes(),
                        server.address());
                assertEquals(500, status(c.next(WAIT)), "RFC 3261 §16.7 step 6: a proxy turns a 503 into 500");
                assertEquals(null, second.receive(300), "no failover: the server asked to wait");
            }
        }
    }

    @Test
    void aRefusedConnectionSendsTheRequestToTheNextTarget() throws Exception {
        Dnsmasq.assumeInstalled();
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort(); // nothing listens there once it is closed
        }
        try (TcpServerPeer second = new TcpServerPeer()) {
            zone("SIP+D2T", "_sip._tcp", closed, second.address().getPort());
            proxy(Map.of("dns.servers", dns.server()));
            try (SipPeer c = server.caller()) {
                c.send(ProxyFlowsTest.invite(c, "sip:bob@example.test"));
                String inv = second.receive(WAIT);
                assertNotNull(inv, "INVITE sent over TCP to the second target");
                assertTrue(header(inv, "Via").startsWith("SIP/2.0/TCP"), header(inv, "Via"));
                second.send(ProxyFlowsTest.answer(inv, 200, "OK", "b2").contact("bob", second));
                assertEquals(200, status(c.next(WAIT)));
                assertEquals(1, counter(Event.DNS_FAILOVER));
            }
        }
    }

    @Test
    void aDnsServerThatDoesNotAnswerGives504InBoundedTimeAndReadersStayFree() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             UdpPeer callee = new UdpPeer(null)) {
            proxy(Map.of("dns.servers", "127.0.0.1:" + silent.getLocalPort(), "dns.timeout.ms", "700", "dns.retries", "1"));
            try (SipPeer c = server.caller(); SipPeer other = server.caller()) {
                long t0 = System.nanoTime();
                c.send(ProxyFlowsTest.invite(c, "sip:bob@example.test"));
                assertEquals(100, status(c.receive(WAIT)), "100 Trying at once");
                // while that look-up waits, a call to an address goes through
                other.send(ProxyFlowsTest.invite(other, "sip:carol@" + org.olelo.core.testkit.SipBuilder.hostPort(callee.address())));
                String inv = callee.receive(1000);
                assertNotNull(inv, "another call is served while the DNS server does not answer");
                long servedMs = (System.nanoTime() - t0) / 1_000_000;
                assertTrue(servedMs < 1000, "the other call waited " + servedMs + " ms");
                String r = c.finalResponse(WAIT);
                long tookMs = (System.nanoTime() - t0) / 1_000_000;
                assertEquals(504, status(r), r);
                assertEquals("Server Time-out", r.lines().findFirst().orElseThrow().substring(12));
                assertTrue(tookMs >= 1000 && tookMs < 3500, "answered after " + tookMs + " ms (2 x 700 ms of DNS)");
                assertEquals(1, counter(Event.DNS_FAILURE));
            }
        }
    }
}
