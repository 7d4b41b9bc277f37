package org.olelo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipText;
import org.olelo.core.testkit.UdpPeer;

/**
 * Broken and hostile REGISTERs against the default deployment (authentication switched off, so the
 * registrar itself judges them): each gets a clear 4xx, nothing is stored, and the server keeps
 * serving. User names full of SQL metacharacters are just data. A Path the UA did not ask for is
 * refused (RFC 3327 §5.3).
 */
class RegistrarBadInputTest {

    @RegisterExtension
    static final OleloExtension OLELO = OleloExtension.started(null).settings("auth.enabled=false");

    private static String register(String user, String contactAndExpires) throws Exception {
        try (UdpPeer peer = new UdpPeer(new InetSocketAddress("127.0.0.1", OLELO.port()))) {
            String aor = "<sip:" + user + "@127.0.0.1>";
            return peer.finalResponseTo(SipBuilder.request("REGISTER", "sip:127.0.0.1").via(peer).from(aor).to(aor)
                    .lines(contactAndExpires));
        }
    }

    private static void assertRejected(String response, String why) {
        int s = SipText.status(response);
        assertTrue(s >= 400 && s < 500, why + ": " + response);
    }

    @Test
    void malformedValuesAreRejectedAndNothingIsStored() throws Exception {
        assertRejected(register("dave", "Contact: <sip:dave@127.0.0.1:5999\r\nExpires: 60\r\n"), "unclosed Contact");
        assertRejected(register("dave", "Contact: <sip:dave@127.0.0.1:5999>\r\nExpires: -1\r\n"), "negative Expires");
        assertRejected(register("dave", "Contact: <sip:dave@127.0.0.1:5999>\r\nExpires: soon\r\n"), "non-numeric Expires");
        assertRejected(register("dave", "Contact: <sip:dave@127.0.0.1:5999>;expires=-5\r\n"), "negative expires parameter");
        String query = register("dave", "");
        assertEquals(200, SipText.status(query), query);
        assertTrue(SipText.headers(query, "Contact").isEmpty(), "nothing was stored: " + query);
    }

    @Test
    void anOversizedAddressOfRecordIsRejected() throws Exception {
        String user = "u".repeat(400);
        assertRejected(register(user, "Contact: <sip:x@127.0.0.1:5999>\r\nExpires: 60\r\n"), "oversized AOR");
    }

    @Test
    void sqlMetacharactersInUserNamesAreData() throws Exception {
        String user = "o'hara%25_x;--";
        String ok = register(user, "Contact: <sip:x@127.0.0.1:5998>\r\nExpires: 120\r\n");
        assertEquals(200, SipText.status(ok), ok);
        String other = register("o", "");
        assertTrue(SipText.headers(other, "Contact").isEmpty(), "a prefix of the name finds nothing: " + other);
        String again = register(user, "");
        assertTrue(again.contains("sip:x@127.0.0.1:5998"), "the binding is found under the exact name: " + again);
        assertEquals(200, SipText.status(register("eve", "Contact: <sip:eve@127.0.0.1:5997>\r\nExpires: 60\r\n")),
                "the server keeps serving");
    }

    @Test
    void aPathFromAUaThatDoesNotSupportItIs420AndNothingIsStored() throws Exception {
        String path = "Path: <sip:edge.example.com;lr>\r\n";
        String no = register("fred", "Contact: <sip:fred@127.0.0.1:5996>\r\nExpires: 60\r\n" + path);
        assertEquals("SIP/2.0 420 Bad Extension", no.lines().findFirst().orElseThrow(), no);
        assertEquals(java.util.List.of("path"), SipText.headers(no, "Unsupported"), no);
        String query = register("fred", "");
        assertTrue(SipText.headers(query, "Contact").isEmpty(), "RFC 3327 §5.3: nothing stored: " + query);
        String ok = register("fred", "Contact: <sip:fred@127.0.0.1:5996>\r\nExpires: 60\r\nSupported: path\r\n" + path);
        assertEquals(200, SipText.status(ok), "with Supported: path it is stored: " + ok);
    }
}
