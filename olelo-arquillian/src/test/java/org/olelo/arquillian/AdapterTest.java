package org.olelo.arquillian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.olelo.arquillian.echo.EchoServlet;
import org.olelo.testclient.OutgoingCall;
import org.olelo.testclient.SipTestClient;

/**
 * The adapter with a tiny application: deployed through the server's deployer, routed, and called
 * with the test client. The build runs it twice: with {@code arquillian.launch=embedded} and
 * {@code managed} (see {@code arquillian.xml}).
 */
@ExtendWith(ArquillianExtension.class)
class AdapterTest {

    @Deployment
    static WebArchive echo() {
        return ShrinkWrap.create(WebArchive.class, "echo.war").addClass(EchoServlet.class);
    }

    @ArquillianResource
    private OleloEndpoints olelo;

    @Test
    void theDeployedApplicationAnswersAMessage() {
        assertEquals("echo", olelo.application());
        try (SipTestClient alice = SipTestClient.udp().proxy(olelo.hostPort())) {
            alice.message(olelo.sipUri("anyone"), "ping").assertStatus(200).assertBodyContains("pong: ping");
        }
    }

    @Test
    void theDeployedApplicationAnswersACallOverTcp() {
        try (SipTestClient alice = SipTestClient.tcp().proxy(olelo.hostPort())) {
            OutgoingCall call = alice.call("sip:echo@" + olelo.hostPort() + ";transport=tcp", "v=0\r\n");
            call.expect(180);
            call.expectAnswer().assertBodyContains("m=audio 4010");
            call.ack();
            call.bye().assertStatus(200);
        }
    }

    @Test
    void theServerRunsInTheConfiguredMode() throws Exception {
        boolean child = ProcessHandle.current().children()
                .anyMatch(p -> p.info().arguments().map(a -> String.join(" ", a).contains("olelo.jar")).orElse(false));
        assertEquals("managed".equals(System.getProperty("arquillian.launch")), child,
                "an olelo.jar process runs exactly in managed mode");
        HttpURLConnection c = (HttpURLConnection) olelo.httpUrl().toURI().resolve("/rpc").toURL().openConnection();
        c.setDoOutput(true);
        c.getOutputStream().write("{\"jsonrpc\":\"2.0\",\"method\":\"app.list\",\"id\":1}".getBytes(StandardCharsets.UTF_8));
        String body = new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(body.contains("\"name\":\"echo\""), body);
    }
}
