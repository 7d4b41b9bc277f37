package org.olelo.transport.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.core.transport.ListenAddress;
import org.olelo.core.transport.Transport;
import org.olelo.transport.tls.TlsContexts;
import org.olelo.transport.tls.TlsSettings;
import org.olelo.transport.tls.testkit.TestPki;

/** The wss: listening point over loopback with a certificate of a test CA, the JDK's WebSocket client trusting it. */
class WssTransportTest {

    @TempDir
    Path dir;
    private Transport transport;

    @AfterEach
    void close() {
        if (transport != null) {
            transport.close();
        }
    }

    @Test
    void aClientTrustingTheCaSpeaksSipOverTls() throws Exception {
        TestPki pki = TestPki.create(dir, "wss-ca");
        TestPki.Leaf leaf = pki.leaf("server");
        TestContext context = new TestContext(Map.of("tls.certificate", leaf.chainPem().toString(),
                "tls.private.key", leaf.keyPem().toString()));
        transport = new WssTransportFactory().create(ListenAddress.parse("wss:127.0.0.1:0"), context);
        transport.start();
        assertEquals("WSS", transport.name());
        URI uri = URI.create("wss://127.0.0.1:" + transport.localAddress().getPort() + "/");

        Map<String, String> trust = Map.of("tls.ca", pki.caPem().toString());
        HttpClient trusting = HttpClient.newBuilder()
                .sslContext(TlsContexts.clientContext(TlsSettings.from(k -> Optional.ofNullable(trust.get(k))))).build();
        WsClient client = WsClient.connect(trusting, uri, new String[] {"sip"});
        client.send("OPTIONS sip:127.0.0.1 SIP/2.0\r\n\r\n");
        TestContext.Received r = context.received.poll(5, TimeUnit.SECONDS);
        assertNotNull(r);
        transport.send("SIP/2.0 200 OK\r\n\r\n".getBytes(StandardCharsets.UTF_8), r.source());
        assertEquals("SIP/2.0 200 OK\r\n\r\n", client.next());

        ExecutionException untrusted = assertThrows(ExecutionException.class,
                () -> WsClient.connect(HttpClient.newHttpClient(), uri, new String[] {"sip"}));
        assertTrue(untrusted.getCause() instanceof IOException, untrusted.toString());
    }

    @Test
    void withoutACertificateTheListeningPointIsNotMade() {
        IOException e = assertThrows(IOException.class,
                () -> new WssTransportFactory().create(ListenAddress.parse("wss:127.0.0.1:0"), new TestContext(Map.of())));
        assertTrue(e.getMessage().contains("tls.certificate"), e.getMessage());
    }
}
