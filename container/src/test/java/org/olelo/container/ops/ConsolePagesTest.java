package org.olelo.container.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.container.testkit.TestServer;

/** The web console's files as the HTTP listener serves them (the page itself runs in ConsoleTest). */
class ConsolePagesTest {

    private static final String TOKEN = "console-token-0123456789";

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
    void thePageItsScriptAndItsStyleAreServedAndTheDataStayBehindTheToken() throws Exception {
        server = TestServer.builder().routing("# none\n").settings(c -> c.withManagement(c.management()
                .withHttpListen(InetSocketAddress.createUnresolved("127.0.0.1", 0)).withToken(TOKEN))).start(tmp);
        RpcClient http = new RpcClient(server).token(TOKEN);

        HttpResponse<String> page = http.send("GET", "/console/", null);
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), page.headers().map().toString());
        assertTrue(page.body().contains("<script src=\"console.js\">"), page.body());
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"));
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));

        HttpResponse<String> script = http.send("GET", "/console/console.js", null);
        assertEquals(200, script.statusCode());
        assertTrue(script.headers().firstValue("Content-Type").orElse("").contains("javascript"), script.headers().map().toString());
        assertTrue(script.body().contains("'dlg.end'"), "the end-call button calls dlg.end");
        assertEquals(200, http.send("GET", "/console/console.css", null).statusCode());

        HttpResponse<String> bare = http.send("GET", "/console", null);
        assertEquals(302, bare.statusCode());
        assertTrue(bare.headers().firstValue("Location").orElse("").endsWith("/console/"), bare.headers().map().toString());
        for (String outside : new String[] {"/console/../logback.xml", "/console/%2e%2e/logback.xml", "/console/..%2flogback.xml"}) {
            HttpResponse<String> r = http.send("GET", outside, null);
            assertTrue(r.statusCode() != 200 && !r.body().contains("<configuration"), outside + " -> " + r.statusCode());
        }
        assertEquals(404, http.send("GET", "/console/nothing.js", null).statusCode());
        RpcClient anonymous = new RpcClient(server);
        assertEquals(200, anonymous.send("GET", "/console/", null).statusCode(),
                "the page holds no data: a browser loads it without the token, then asks for it");
        assertEquals(401, anonymous.post("{\"jsonrpc\":\"2.0\",\"method\":\"ul.dump\",\"id\":1}").statusCode(),
                "the data need the token");
    }
}
