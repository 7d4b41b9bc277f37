package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.olelo.arquillian.OleloEndpoints;
import org.olelo.testclient.OutgoingCall;
import org.olelo.testclient.SipTestClient;

/**
 * The application deployed into a real Olelo (embedded, or an olelo.jar process with the
 * {@code managed} profile) and called over SIP with the test client. The routing comes from
 * {@code src/test/resources/arquillian.xml}.
 */
@ExtendWith(ArquillianExtension.class)
class HelloServletTest {

    @Deployment
    static WebArchive application() {
        return ShrinkWrap.create(WebArchive.class, "${artifactId}.war").addClasses(HelloServlet.class, HelloHttpServlet.class);
    }

    @ArquillianResource
    private OleloEndpoints olelo;

    @Test
    void aMessageIsAnsweredWithAGreeting() {
        assertEquals("${artifactId}", olelo.application());
        try (SipTestClient alice = SipTestClient.udp().proxy(olelo.hostPort()).identity("sip:alice@example.com")) {
            alice.message(olelo.sipUri("hello"), "hi").assertStatus(200).assertBodyContains("Hello, alice!");
        }
    }

    @Test
    void aCallIsRungAnsweredAndHungUp() {
        try (SipTestClient alice = SipTestClient.udp().proxy(olelo.hostPort())) {
            OutgoingCall call = alice.call(olelo.sipUri("hello"), "v=0\r\n");
            call.expect(180);
            call.expectAnswer().assertHeader("Content-Type", "application/sdp").assertBodyContains("m=audio 49170");
            call.ack();
            call.bye().assertStatus(200);
        }
    }
}
