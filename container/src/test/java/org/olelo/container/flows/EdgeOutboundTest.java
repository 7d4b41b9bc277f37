package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.olelo.core.testkit.SipText.header;
import static org.olelo.core.testkit.SipText.status;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.container.testkit.CommonApps;
import org.olelo.container.testkit.TestServer;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipPeer;
import org.olelo.core.testkit.TcpPeer;
import org.olelo.core.testkit.TcpServerPeer;

/**
 * The server as an RFC 5626 edge proxy (§5.3) over real TCP connections: a proxy application
 * adding itself to the Path of an outbound REGISTER that came straight from the user agent writes
 * {@code ob} and the flow into its Path URI; a request the registrar sends back through that Path
 * entry, for a Contact naming an address nobody can reach, arrives over the user agent's own
 * connection; once that connection has closed such a request is answered {@code 430 Flow Failed}.
 * A REGISTER without outbound gets a Path without {@code ob}.
 */
class EdgeOutboundTest {

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

    private static SipBuilder register(SipPeer ua, TcpServerPeer registrar, String contactParams, String supported) {
        return SipBuilder.request("REGISTER", "sip:127.0.0.1:" + registrar.address().getPort() + ";transport=tcp")
                .via(ua).from("<sip:ua@127.0.0.1>").to("<sip:ua@127.0.0.1>").header("Supported", supported)
                .header("X-Add-Path", "e1").contact("<sip:ua@10.0.0.5:5060;transport=tcp>" + contactParams);
    }

    /** The registrar's MESSAGE to the UA's Contact through the edge's Path entry. */
    private static SipBuilder message(TcpServerPeer registrar, String pathUri) {
        return SipBuilder.request("MESSAGE", "sip:ua@10.0.0.5:5060;transport=tcp").via(registrar)
                .from("<sip:registrar@127.0.0.1>").route(pathUri).body("text/plain", "hi");
    }

    @Test
    void theEdgeSendsRequestsForAnOutboundContactOverItsFlow() throws Exception {
        server = TestServer.builder().app("proxy", CommonApps.forkingProxy()).routeAllTo("proxy")
                .transport(SipPeer.Kind.TCP).start(tmp);
        try (TcpPeer ua = (TcpPeer) server.caller(); TcpServerPeer registrar = new TcpServerPeer()) {
            ua.send(register(ua, registrar, ";+sip.instance=\"<urn:uuid:1>\";reg-id=1", "outbound, path"));
            String reg = registrar.receive(WAIT);
            assertNotNull(reg, "the REGISTER reached the registrar");
            String path = header(reg, "Path");
            assertTrue(path.contains(";ob") && path.contains(";olf="), path);
            registrar.send(SipBuilder.response(reg, 200, "OK").toTag("r1"));
            assertEquals(200, status(ua.receive(WAIT)));

            String pathUri = path.substring(path.indexOf('<'), path.indexOf('>') + 1);
            registrar.send(message(registrar, pathUri));
            String m = ua.receiveUntil(WAIT, s -> s.startsWith("MESSAGE "));
            assertNotNull(m, "the MESSAGE came over the UA's own connection");
            ua.send(SipBuilder.response(m, 200, "OK").toTag("u1"));
            assertEquals(200, status(registrar.receiveUntil(WAIT, s -> status(s) >= 200)));

            ua.close();
            int answer = 0;
            for (int i = 0; i < 40 && answer != 430; i++) {
                Thread.sleep(50);
                registrar.send(message(registrar, pathUri));
                answer = status(registrar.receiveUntil(WAIT, s -> status(s) >= 200));
            }
            assertEquals(430, answer, "Flow Failed once the connection is gone");
        }
    }

    @Test
    void aRegisterWithoutOutboundGetsAPlainPath() throws Exception {
        server = TestServer.builder().app("proxy", CommonApps.forkingProxy()).routeAllTo("proxy")
                .transport(SipPeer.Kind.TCP).start(tmp);
        try (TcpPeer ua = (TcpPeer) server.caller(); TcpServerPeer registrar = new TcpServerPeer()) {
            ua.send(register(ua, registrar, "", "path"));
            String path = header(registrar.receive(WAIT), "Path");
            assertTrue(path.contains(";edge=e1") && !path.contains(";ob") && !path.contains("olf="), path);
        }
    }
}
