package org.olelo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.function.LongFunction;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipText;
import org.olelo.core.testkit.UdpPeer;

/**
 * A presence user agent over UDP for tests: PUBLISH and SUBSCRIBE with digest authentication
 * (one challenge answered), NOTIFYs received and answered 200, SUBSCRIBE refreshes in the dialog.
 * Test thread only.
 */
final class PresenceUa implements AutoCloseable {

    static final String HOST = "127.0.0.1";

    final UdpPeer peer;
    final String user;
    private final String password;

    PresenceUa(int serverPort, String user, String password) throws IOException {
        this.peer = new UdpPeer(new InetSocketAddress(HOST, serverPort));
        this.user = user;
        this.password = password;
    }

    String aor() {
        return "sip:" + user + "@" + HOST;
    }

    /** A PIDF document with one tuple. */
    static String pidf(String entity, String tuple, String basic) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\""
                + entity + "\">\n<tuple id=\"" + tuple + "\"><status><basic>" + basic + "</basic></status>"
                + "<contact>" + entity + "</contact></tuple>\n</presence>\n";
    }

    /** Sends the request, answers one digest challenge, returns the final response. */
    String authenticated(String method, String uri, LongFunction<SipBuilder> request) throws Exception {
        String first = peer.finalResponseTo(request.apply(1));
        if (SipText.status(first) != 401) {
            return first;
        }
        String challenge = SipText.header(first, "WWW-Authenticate");
        return peer.finalResponseTo(request.apply(2)
                .header("Authorization", DigestAnswer.of(challenge, user, password, method, uri)));
    }

    /**
     * A PUBLISH of {@code to}'s presence (this user's own unless another URI is given).
     *
     * @param ifMatch the SIP-If-Match, or null
     * @param expires the Expires, or null
     * @param body    the body (PIDF unless {@code type} says otherwise), or null
     */
    String publish(String to, String ifMatch, String expires, String type, String body) throws Exception {
        return publish("presence", to, ifMatch, expires, type, body);
    }

    /** A PUBLISH for the event package {@code event}; the other parameters as above. */
    String publish(String event, String to, String ifMatch, String expires, String type, String body) throws Exception {
        int n = SipBuilder.next();
        return authenticated("PUBLISH", to, cseq -> {
            SipBuilder b = SipBuilder.request("PUBLISH", to).via(peer).from("<" + aor() + ">;tag=p" + n)
                    .to("<" + to + ">").callId("pub" + n + "@test").cseq(cseq).header("Event", event);
            if (ifMatch != null) {
                b.header("SIP-If-Match", ifMatch);
            }
            if (expires != null) {
                b.header("Expires", expires);
            }
            return b.body(type == null ? "application/pidf+xml" : type, body);
        });
    }

    /** A PUBLISH of this user's presence. */
    String publish(String ifMatch, String expires, String body) throws Exception {
        return publish(aor(), ifMatch, expires, null, body);
    }

    /** An initial SUBSCRIBE; the final response is returned, the NOTIFY that follows is left to {@link #notifyRequest}. */
    String subscribe(String presentity, String event, String expires) throws Exception {
        int n = SipBuilder.next();
        return authenticated("SUBSCRIBE", presentity, cseq -> {
            SipBuilder b = SipBuilder.request("SUBSCRIBE", presentity).via(peer).from("<" + aor() + ">;tag=s" + n)
                    .to("<" + presentity + ">").callId("sub" + n + "@test").cseq(cseq).contact(user, peer)
                    .header("Event", event).header("Accept", event.endsWith("winfo")
                            ? "application/watcherinfo+xml" : "application/pidf+xml");
            return expires == null ? b : b.header("Expires", expires);
        });
    }

    /** A SUBSCRIBE in the dialog of {@code ok} (the 2xx of the initial one). */
    String resubscribe(String ok, String event, long cseq, String expires) throws Exception {
        return peer.finalResponseTo(SipBuilder.inDialog("SUBSCRIBE", ok).via(peer).cseq(cseq).contact(user, peer)
                .header("Event", event).header("Expires", expires));
    }

    /** The next NOTIFY within {@code millis}, answered 200; null when none came. */
    String notifyRequest(long millis) throws Exception {
        String m = peer.receiveUntil(millis, s -> SipText.status(s) < 0 && SipText.method(s).equals("NOTIFY"));
        if (m != null) {
            peer.send(SipText.response(m, 200, "OK", null, null));
        }
        return m;
    }

    /** The next NOTIFY within 5 s, answered 200, with its Subscription-State starting with {@code state}. */
    String expectNotify(String state) throws Exception {
        String m = notifyRequest(5000);
        assertNotNull(m, "no NOTIFY within 5 s for " + user);
        assertEquals(state, SipText.header(m, "Subscription-State").split(";")[0], m);
        return m;
    }

    @Override
    public void close() {
        peer.close();
    }
}
