package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.olelo.core.testkit.SipText.header;
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
import org.olelo.core.testkit.Dnsmasq;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipPeer;
import org.olelo.core.testkit.UdpPeer;

/**
 * The {@code DnsResolver} of JSR 359 as an application gets it (context attribute
 * {@code SipServlet.DNS_RESOLVER}): ENUM through a real DNS server (dnsmasq) turns {@code tel:} and
 * E.164 SIP URIs into SIP URIs, which the application proxies to (located with RFC 3263).
 */
class EnumRoutingTest {

    static final String APP = """
            package t;
            import jakarta.servlet.sip.*;
            import java.io.IOException;
            public class Enum extends SipServlet {
                private DnsResolver dns() {
                    return (DnsResolver) getServletContext().getAttribute(DNS_RESOLVER);
                }
                @Override
                protected void doInvite(SipServletRequest req) throws jakarta.servlet.ServletException, IOException {
                    SipURI target = dns().resolveToSipURI(req.getRequestURI());
                    if (target == null) {
                        req.createResponse(404, "No ENUM Entry").send();
                        return;
                    }
                    req.getProxy().proxyTo(target);
                }
                @Override
                protected void doMessage(SipServletRequest req) throws jakarta.servlet.ServletException, IOException {
                    SipFactory f = (SipFactory) getServletContext().getAttribute(SIP_FACTORY);
                    SipServletResponse ok = req.createResponse(200);
                    ok.setHeader("X-Enum", dns().toEnum(req.getRequestURI()));
                    ok.setHeader("X-Same", String.valueOf(((SipServletContext) getServletContext()).getDnsResolver() == dns()));
                    ok.setHeader("X-Internal", String.valueOf(dns().resolvesInternally((SipURI) f.createURI(req.getHeader("X-Own")))));
                    ok.setHeader("X-External", String.valueOf(dns().resolvesInternally((SipURI) f.createURI("sip:bob@example.test"))));
                    ok.setHeader("X-Naptr", String.join("|", dns().resolveToStrings(req.getRequestURI(), "NAPTR")));
                    ok.send();
                }
            }
            """;

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

    private void start(UdpPeer callee) throws Exception {
        Dnsmasq.assumeInstalled();
        dns = Dnsmasq.start(Files.createDirectories(tmp.resolve("dns")), List.of("local=/example.test/", "local=/e164.arpa/",
                "naptr-record=4.3.2.1.5.5.5.1.e164.arpa,100,10,\"u\",\"E2U+sip\",\"!^.*$!sip:bob@example.test!\",.",
                "naptr-record=example.test,10,50,\"s\",\"SIP+D2U\",\"\",_sip._udp.example.test",
                "srv-host=_sip._udp.example.test,uas.example.test," + callee.address().getPort() + ",10,0",
                "host-record=uas.example.test,127.0.0.1"));
        server = TestServer.builder().app("enum", CommonApps.servlet("enum", "t.Enum", Map.of("t.Enum", APP)))
                .routeAllTo("enum").transport(SipPeer.Kind.UDP)
                .extension("dns.servers", dns.server()).start(tmp);
    }

    @Test
    void aTelUriIsRoutedThroughEnumThenNaptrAndSrv() throws Exception {
        try (UdpPeer callee = new UdpPeer(null)) {
            start(callee);
            try (SipPeer c = server.caller()) {
                c.send(ProxyFlowsTest.invite(c, "tel:+1-555-1234"));
                String inv = callee.receive(WAIT);
                assertNotNull(inv, "the INVITE reached the SRV target of the ENUM result");
                assertEquals("INVITE sip:bob@example.test SIP/2.0", inv.lines().findFirst().orElseThrow());
                callee.sendTo(ProxyFlowsTest.answer(inv, 200, "OK", "b1").contact("bob", callee).bytes(), server.address());
                assertEquals(200, status(c.next(WAIT)));
            }
        }
    }

    @Test
    void aNumberWithoutEnumEntryIsNotFound() throws Exception {
        try (UdpPeer callee = new UdpPeer(null)) {
            start(callee);
            try (SipPeer c = server.caller()) {
                c.send(ProxyFlowsTest.invite(c, "sip:+15550000@example.test;user=phone"));
                assertEquals(404, status(c.next(WAIT)));
            }
        }
    }

    @Test
    void theResolverAnswersApplications() throws Exception {
        try (UdpPeer callee = new UdpPeer(null)) {
            start(callee);
            try (SipPeer c = server.caller()) {
                String r = c.finalResponseTo(SipBuilder.request("MESSAGE", "sip:+1-555-1234@example.test;user=phone").via(c)
                        .from("<sip:alice@127.0.0.1>").header("X-Own", "sip:" + SipBuilder.hostPort(server.address())));
                assertEquals(200, status(r), r);
                assertEquals("4.3.2.1.5.5.5.1.e164.arpa", header(r, "X-Enum"));
                assertEquals("true", header(r, "X-Same"));
                assertEquals("true", header(r, "X-Internal"));
                assertEquals("false", header(r, "X-External"));
                assertEquals("100 10 \"u\" \"E2U+sip\" \"!^.*$!sip:bob@example.test!\" .", header(r, "X-Naptr"));
            }
        }
    }
}
