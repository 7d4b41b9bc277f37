package org.olelo.container.converged;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.container.testkit.TestServer;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipPeer;
import org.olelo.core.testkit.SipText;

/**
 * A converged application keeps one application session for HTTP and SIP: what an HTTP request
 * puts into its HTTP session's application session, the SIP servlet reads in the same session
 * (joined with {@code encodeURI}'s parameter), and what the SIP servlet puts in, an HTTP request to
 * the URL of {@code SipApplicationSession.encodeURL} reads. Both sides share the servlet context's
 * attributes (the SipFactory among them), init parameters and CDI beans; invalidation crosses over.
 */
class ConvergedSessionTest {

    @TempDir
    Path tmp;
    private TestServer server;
    private String base;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.builder().app("conv", ConvergedApps.conv(1)).routing(TestServer.routeAll("conv"))
                .settings(c -> c.withManagement(c.management()
                        .withHttpListen(InetSocketAddress.createUnresolved("127.0.0.1", 0)))).start(tmp);
        base = "http://127.0.0.1:" + server.server().operations().http().address().getPort();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    static HttpClient client() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5)).build();
    }

    static HttpResponse<String> send(HttpClient http, String method, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String message(String olas, String body) throws Exception {
        try (SipPeer peer = server.caller()) {
            String uri = "sip:conv@127.0.0.1" + (olas == null ? "" : ";olas=" + olas);
            String r = peer.finalResponseTo(SipBuilder.request("MESSAGE", uri).via(peer).body("text/plain", body));
            assertEquals(200, SipText.status(r), r);
            return SipText.body(r);
        }
    }

    @Test
    void anAttributeSetOverHttpIsReadBySipInTheSameApplicationSession() throws Exception {
        HttpClient alice = client();
        HttpResponse<String> set = send(alice, "POST", base + "/conv/state?value=hello");
        assertEquals(200, set.statusCode(), set.body());
        String asId = set.body();
        assertEquals("fromHttp=hello http=1 id=" + asId, message(asId, "get"));

        HttpResponse<String> again = send(alice, "GET", base + "/conv/state");
        assertTrue(again.body().contains(" as=" + asId + " listed=true"), "the cookie keeps the HTTP session in it: " + again.body());

        assertEquals("done", send(alice, "POST", base + "/conv/ends/logout").body());
        assertEquals("fromHttp=hello http=0 id=" + asId, message(asId, "get"),
                "an invalidated HTTP session leaves its application session");
    }

    @Test
    void anAttributeSetBySipIsReadOverHttpThroughTheEncodedUrl() throws Exception {
        String query = message(null, "set world");
        assertTrue(query.startsWith("olas="), query);
        String asId = java.net.URLDecoder.decode(query.substring("olas=".length()), java.nio.charset.StandardCharsets.UTF_8);
        HttpClient bob = client();
        assertEquals("no-session", send(bob, "GET", base + "/conv/state").body());
        assertEquals("no-session", send(bob, "GET", base + "/conv/state?olas=conv.unknown").body(),
                "an unknown application session id makes no HTTP session");
        HttpResponse<String> joined = send(bob, "GET", base + "/conv/state?" + query);
        assertEquals("fromSip=world as=" + asId + " listed=true", joined.body());
        assertEquals("fromSip=world as=" + asId + " listed=true", send(bob, "GET", base + "/conv/state").body(),
                "later requests of the HTTP session stay in the application session");
        assertEquals("fromHttp=null http=1 id=" + asId, message(asId, "get"));

        assertEquals("done", send(bob, "POST", base + "/conv/ends/app").body());
        assertEquals("no-session", send(bob, "GET", base + "/conv/state").body(),
                "invalidating the application session invalidates its HTTP sessions");
    }

    @Test
    void anUrlEncodedWithTheHttpSessionIdJoinsThatSessionWithoutCookies() throws Exception {
        String[] urls = send(client(), "GET", base + "/conv/encode").body().split(" ");
        assertTrue(urls[0].startsWith(base + "/conv/state;jsessionid="), urls[0]);
        assertTrue(urls[1].startsWith("state;jsessionid=") && urls[1].endsWith("?x=1"), urls[1]);
        HttpClient noCookies = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        assertTrue(send(noCookies, "GET", urls[0]).body().startsWith("fromSip=encoded as="),
                "the encoded URL carries the HTTP session, hence its application session");
    }

    @Test
    void anExceptionOfAnHttpServletBecomesABare500() throws Exception {
        HttpResponse<String> boom = send(client(), "GET", base + "/conv/boom");
        assertEquals(500, boom.statusCode());
        assertTrue(!boom.body().contains("secret-detail") && !boom.body().contains("Exception")
                && !boom.body().contains("c.Boom"), boom.body());
    }

    @Test
    void bothSidesShareTheContextAttributesInitParametersAndBeans() throws Exception {
        HttpResponse<String> ctx = send(client(), "GET", base + "/conv/context");
        assertEquals("sip.context=sip-side factory=true util=true timers=true greeting=aloha shared=sip-init", ctx.body());
        assertEquals("http.context=http-side greeting=aloha", message(null, "ctx"));
    }

    @Test
    void staticFilesAreServedButNotWebInfAndUnknownPathsAre404() throws Exception {
        assertEquals("v1", send(client(), "GET", base + "/conv/version").body());
        assertEquals(404, send(client(), "GET", base + "/conv/nothing-here").statusCode());
        assertEquals(404, send(client(), "GET", base + "/convx/state").statusCode());
        HttpResponse<String> file = send(client(), "GET", base + "/conv/hello.txt");
        assertEquals(200, file.statusCode());
        assertEquals("static file", file.body());
        assertEquals(404, send(client(), "GET", base + "/conv/WEB-INF/web.xml").statusCode());
        assertEquals(404, send(client(), "GET", base + "/conv/web-inf/web.xml").statusCode());
        assertEquals(404, send(client(), "GET", base + "/conv/WEB-INF/classes/c/Sip.class").statusCode());
        HttpResponse<String> metrics = send(client(), "GET", base + "/metrics");
        assertEquals(200, metrics.statusCode());
        assertNotNull(metrics.body());
    }
}
