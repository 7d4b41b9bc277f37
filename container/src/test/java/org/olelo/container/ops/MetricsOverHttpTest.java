package org.olelo.container.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.container.testkit.TestServer;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipPeer;

/**
 * The statistics of a running server as an operator reads them: {@code GET /metrics} in
 * Prometheus text and {@code stats.get_statistics} over JSON-RPC, both growing with SIP traffic.
 */
class MetricsOverHttpTest {

    private static final Pattern OPTIONS_RECEIVED =
            Pattern.compile("(?m)^olelo_sip_requests_received_total\\{[^}]*method=\"OPTIONS\"[^}]*} (\\d+(?:\\.\\d+)?)");

    @TempDir
    Path tmp;
    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void metricsAndStatisticsGrowWithTraffic() throws Exception {
        server = TestServer.builder().routing("# none\n").settings(c -> c.withManagement(c.management()
                .withHttpListen(InetSocketAddress.createUnresolved("127.0.0.1", 0)))).start(tmp);
        RpcClient http = new RpcClient(server);
        double before = optionsReceived(http);
        SipPeer peer = server.memoryPeer(1);
        for (int i = 0; i < 3; i++) {
            peer.send(SipBuilder.request("OPTIONS", "sip:nobody@127.0.0.1").via(peer));
            assertNotNull(peer.receive(3000), "no answer to OPTIONS " + i);
        }
        assertEquals(before + 3, optionsReceived(http), 0.0);

        JsonNode stats = http.result("stats.get_statistics", "[\"sip\"]").get("statistics");
        JsonNode options = stats.get("sip.requests_received{method=OPTIONS}");
        assertNotNull(options, stats.toString());
        assertTrue(options.asLong() >= 3, stats.toString());
        http.result("stats.reset_statistics", "[\"sip.requests_received\"]");
        JsonNode after = http.result("stats.get_statistics", "[\"sip.requests_received\"]").get("statistics");
        assertEquals(0, after.get("sip.requests_received{method=OPTIONS}").asLong(), after.toString());
        assertEquals(before + 3, optionsReceived(http), 0.0, "a reset leaves the exported totals alone");
    }

    private static double optionsReceived(RpcClient http) throws Exception {
        HttpResponse<String> r = http.send("GET", "/metrics", null);
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"),
                r.headers().map().toString());
        Matcher m = OPTIONS_RECEIVED.matcher(r.body());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
