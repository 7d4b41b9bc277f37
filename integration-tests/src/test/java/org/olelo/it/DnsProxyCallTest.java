package org.olelo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.container.boot.OleloServer;
import org.olelo.container.boot.ServerConfig;
import org.olelo.core.testkit.Dnsmasq;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipText;
import org.olelo.core.testkit.UdpPeer;
import org.olelo.core.transport.ListenAddress;

/**
 * The proxy sample application with RFC 3263 against dnsmasq: {@code sip:bob@example.test} has a
 * NAPTR record to {@code _sip._udp.example.test}, whose SRV records name two user agents on
 * 127.0.0.1 (priority 10 and 20). A call reaches the first; when the first answers 503, the second.
 * The server is started as {@code olelo.jar} starts it ({@link OleloServer#start(ServerConfig)}:
 * the DNS module found on the class path by ServiceLoader).
 */
@Timeout(60)
class DnsProxyCallTest {

    @TempDir
    Path tmp;
    private Dnsmasq dns;
    private OleloServer server;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (dns != null) {
            dns.close();
        }
    }

    private InetSocketAddress start(LoopbackUas first, LoopbackUas second) throws Exception {
        Dnsmasq.assumeInstalled();
        dns = Dnsmasq.start(Files.createDirectories(tmp.resolve("dns")), List.of("local=/example.test/",
                "naptr-record=example.test,10,50,\"s\",\"SIP+D2U\",\"\",_sip._udp.example.test",
                "srv-host=_sip._udp.example.test,uas1.example.test," + first.port() + ",10,0",
                "srv-host=_sip._udp.example.test,uas2.example.test," + second.port() + ",20,0",
                "host-record=uas1.example.test,127.0.0.1", "host-record=uas2.example.test,127.0.0.1"));
        Path deploy = tmp.resolve("deploy");
        Files.createDirectories(deploy.resolve("apps"));
        Files.copy(Path.of(System.getProperty("olelo.proxy.war", "../deploy/apps/proxy.war")),
                deploy.resolve("apps").resolve("proxy.war"));
        Files.writeString(deploy.resolve("routing.properties"), ServerFixture.ROUTING);
        int port = FreePorts.udp();
        ServerConfig base = ServerConfig.defaults().withManagement(ServerConfig.defaults().management().withoutHttp())
                .withDirs(deploy, tmp.resolve("data")).withListen(List.of(ListenAddress.parse("udp:127.0.0.1:" + port)));
        Map<String, String> e = new HashMap<>(base.core().extensions());
        e.put("dns.servers", dns.server());
        server = OleloServer.start(base.withCore(base.core().withExtensions(e)));
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    private static int call(InetSocketAddress proxy) throws Exception {
        try (UdpPeer caller = new UdpPeer(proxy)) {
            String r = caller.finalResponseTo(SipBuilder.request("INVITE", "sip:bob@example.test").via(caller)
                    .from("<sip:alice@127.0.0.1>").contact("alice", caller));
            return SipText.status(r);
        }
    }

    @Test
    void theCallReachesTheFirstSrvTarget() throws Exception {
        try (LoopbackUas first = LoopbackUas.start(); LoopbackUas second = LoopbackUas.start()) {
            InetSocketAddress proxy = start(first, second);
            assertEquals(200, call(proxy));
            assertEquals(1, first.invites());
            assertEquals(0, second.invites());
        }
    }

    @Test
    void whenTheFirstAnswers503TheSecondGetsTheCall() throws Exception {
        try (LoopbackUas first = LoopbackUas.start(); LoopbackUas second = LoopbackUas.start()) {
            first.inviteStatus(503);
            InetSocketAddress proxy = start(first, second);
            assertEquals(200, call(proxy));
            assertEquals(1, first.invites());
            assertEquals(1, second.invites());
        }
    }
}
