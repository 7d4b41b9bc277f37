package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.api.rpc.RpcCommand;
import org.olelo.api.rpc.RpcParams;
import org.olelo.container.internal.stats.MetricsEndpoint;
import org.olelo.container.internal.stats.StatisticsCommands;
import org.olelo.container.testkit.CommonApps;
import org.olelo.container.testkit.DigestClient;
import org.olelo.container.testkit.TestServer;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipPeer;
import org.olelo.core.testkit.SipText;

/**
 * {@code /metrics} and {@code stats.get_statistics} over real SIP: the core's counters per method and
 * status class grow with the traffic, an application's meters come and go with its deployment, and
 * overload, parse errors and failed authentications are counted.
 */
class MetricsFlowTest {

    @TempDir
    Path tmp;

    /** Counts every request in {@code demo.handled{method}} and answers OPTIONS 200, MESSAGE 486. */
    private static final String SERVLET = """
            package m;
            import jakarta.servlet.sip.*;
            import java.io.IOException;
            import org.olelo.api.stats.Statistics;
            public class Meters extends SipServlet {
                @Override
                protected void doRequest(SipServletRequest req) throws jakarta.servlet.ServletException, IOException {
                    Statistics s = (Statistics) getServletContext().getAttribute(Statistics.ATTRIBUTE);
                    s.counter("demo", "handled", "requests the demo handled", "method", req.getMethod()).increment();
                    req.createResponse(req.getMethod().equals("MESSAGE") ? 486 : 200).send();
                }
            }
            """;

    /** The value of one Prometheus sample, or -1 when it is absent. */
    private static double sample(String scrape, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static String ask(SipPeer peer, String method) throws Exception {
        return peer.finalResponseTo(SipBuilder.request(method, "sip:demo@127.0.0.1").via(peer));
    }

    @Test
    void countersGrowWithTrafficPerMethodAndClassAndAppMetersFollowDeployment() throws Exception {
        try (TestServer server = TestServer.builder().app("meters", CommonApps.servlet("meters", "m.Meters",
                        Map.of("m.Meters", SERVLET))).routeAllTo("meters").transport(SipPeer.Kind.UDP).start(tmp);
             SipPeer peer = server.caller()) {
            MetricsEndpoint metrics = new MetricsEndpoint(server.server().runtime().statistics());
            assertEquals("text/plain; version=0.0.4; charset=utf-8", metrics.contentType());
            String before = metrics.scrape();
            assertEquals(0.0, sample(before, "olelo_sip_requests_received_total{method=\"OPTIONS\"}"), before);
            assertEquals(0.0, sample(before, "olelo_app_sessions{application=\"meters\"}"), before);
            for (int i = 0; i < 3; i++) {
                assertEquals(200, SipText.status(ask(peer, "OPTIONS")));
            }
            for (int i = 0; i < 2; i++) {
                assertEquals(486, SipText.status(ask(peer, "MESSAGE")));
            }
            peer.send("this is not SIP\r\n\r\n"); // a request that cannot be answered
            peer.send("SIP/2.0 200 OK\r\nVia: garbage\r\n\r\n"); // a response that cannot be read
            peer.send("\r\n\r\n"); // a keep-alive: neither an error nor a drop
            // the datagrams are read on the reader thread and nothing answers them: wait for the count
            String after = metrics.scrape();
            for (int i = 0; i < 50 && (sample(after, "olelo_sip_parse_errors_total") < 2
                    || sample(after, "olelo_sip_messages_dropped_total{reason=\"unparsable\"}") < 1); i++) {
                Thread.sleep(100);
                after = metrics.scrape();
            }
            assertEquals(3.0, sample(after, "olelo_sip_requests_received_total{method=\"OPTIONS\"}"), after);
            assertEquals(2.0, sample(after, "olelo_sip_requests_received_total{method=\"MESSAGE\"}"), after);
            assertEquals(0.0, sample(after, "olelo_sip_requests_received_total{method=\"INVITE\"}"), after);
            assertEquals(3.0, sample(after, "olelo_sip_responses_sent_total{class=\"2xx\"}"), after);
            assertEquals(2.0, sample(after, "olelo_sip_responses_sent_total{class=\"4xx\"}"), after);
            assertEquals(5.0, sample(after, "olelo_sip_transactions_started_total{kind=\"server\"}"), after);
            assertEquals(2.0, sample(after, "olelo_sip_parse_errors_total"), after);
            assertEquals(1.0, sample(after, "olelo_sip_messages_dropped_total{reason=\"unparsable\"}"), after);
            assertEquals(3.0, sample(after, "olelo_demo_handled_total{method=\"OPTIONS\"}"), after);
            assertEquals(2.0, sample(after, "olelo_demo_handled_total{method=\"MESSAGE\"}"), after);
            assertTrue(sample(after, "olelo_sip_transactions{kind=\"server\"}") >= 0, after);
            assertTrue(sample(after, "olelo_sip_transport_messages_received_total{transport=\"udp\"}") >= 7, after);
            assertEquals(5.0, sample(after, "olelo_sip_transport_messages_sent_total{transport=\"udp\"}"), after);
            assertTrue(sample(after, "olelo_sip_transport_bytes_sent_total{transport=\"udp\"}") > 5 * 100, after);
            assertTrue(after.contains("olelo_jvm_memory_used_bytes{"), after);

            Map<String, RpcCommand> commands = new java.util.HashMap<>();
            new StatisticsCommands(server.server().runtime().statistics()).commands().forEach(c -> commands.put(c.name(), c));
            Object got = commands.get("stats.get_statistics").handler().call(RpcParams.positional(List.of("name"), List.of("demo")));
            assertEquals(Map.of("statistics", Map.of("demo.handled{method=MESSAGE}", 2L, "demo.handled{method=OPTIONS}", 3L)), got);

            server.server().runtime().setMaxWaiting(0);
            String busy = ask(peer, "OPTIONS");
            assertEquals(503, SipText.status(busy), busy);
            assertEquals(1.0, sample(metrics.scrape(), "olelo_sip_overload_rejections_total"));
            server.server().runtime().setMaxWaiting(10_000);

            deleteTree(server.deploy().resolve("apps/meters"));
            server.server().deployer().scanNow();
            String gone = metrics.scrape();
            assertEquals(-1.0, sample(gone, "olelo_demo_handled_total{method=\"OPTIONS\"}"), "removed with the application: " + gone);
            assertEquals(-1.0, sample(gone, "olelo_app_sessions{application=\"meters\"}"), gone);
            assertEquals(4.0, sample(gone, "olelo_sip_requests_received_total{method=\"OPTIONS\"}"), "the core's stay");
            assertTrue(Files.notExists(server.deploy().resolve("apps/meters")));
        }
    }

    @Test
    void failedAuthenticationsAndBlocksAreCounted() throws Exception {
        try (TestServer server = TestServer.builder().app("reg", AuthApps.constrained()).routing(AuthApps.ROUTING)
                .start(tmp);
             SipPeer peer = server.caller()) {
            AuthApps.subscriber(server.server().database().defaultPool(), "alice", "127.0.0.1", "wonder", "a");
            String last = null;
            for (int i = 0; i < 11; i++) {
                String challenge = peer.finalResponseTo(AuthApps.request("REGISTER", "alice", peer));
                assertEquals(401, SipText.status(challenge), challenge);
                String c = DigestClient.withAlgorithm(SipText.headers(challenge, "WWW-Authenticate"), "MD5");
                String auth = DigestClient.answer(c, "alice", "guess" + i, "REGISTER", AuthApps.requestUri("REGISTER"), "00000001");
                last = peer.finalResponseTo(AuthApps.request("REGISTER", "alice", peer).header("Authorization", auth));
            }
            assertEquals(403, SipText.status(last), "blocked after auth.max.failures=10: " + last);
            String text = new MetricsEndpoint(server.server().runtime().statistics()).scrape();
            assertEquals(10.0, sample(text, "olelo_auth_failures_total"), text);
            assertEquals(1.0, sample(text, "olelo_auth_blocks_total{scope=\"user_at_address\"}"), text);
            assertEquals(0.0, sample(text, "olelo_auth_blocks_total{scope=\"address\"}"), text);
            assertEquals(1.0, sample(text, "olelo_auth_blocked_requests_total"), text);
            assertFalse(text.contains("wonder") || text.contains("guess"), "no secret in the metrics");
        }
    }
}
