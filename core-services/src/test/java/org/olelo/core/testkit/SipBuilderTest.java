package org.olelo.core.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.olelo.core.testkit.SipText.header;
import static org.olelo.core.testkit.SipText.headers;

import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.olelo.core.message.ParseOutcome;
import org.olelo.core.message.SipParser;

/** What the test kit's builder writes is SIP the core's parser takes as the test meant it. */
class SipBuilderTest {

    /** A peer that only has an address, for the Via and Contact it lends. */
    private record Fixed(String transport, InetSocketAddress address) implements SipPeer {
        @Override
        public void send(byte[] message) {
        }

        @Override
        public String receive(long timeoutMillis) {
            return null;
        }

        @Override
        public void close() {
        }
    }

    private static ParseOutcome.Parsed parse(String text) {
        return assertInstanceOf(ParseOutcome.Parsed.class, SipParser.parse(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                text);
    }

    @Test
    void aRequestWithDefaultsParsesAndCountsItsBodyInBytes() {
        SipPeer tcp = new Fixed("TCP", new InetSocketAddress("127.0.0.1", 5071));
        String text = SipBuilder.request("INVITE", "sip:bob@127.0.0.1").via(tcp).contact("alice", tcp)
                .header("Supported", "100rel").body("text/plain", "grüße\r\n").build();
        SIPRequest r = (SIPRequest) parse(text).message();
        assertEquals("INVITE", r.getMethod());
        assertEquals(9, r.getContentLength().getContentLength(), "ü and ß are two bytes each in UTF-8");
        assertEquals("grüße\r\n", SipText.body(text));
        assertTrue(header(text, "Via").matches("SIP/2\\.0/TCP 127\\.0\\.0\\.1:5071;branch=z9hG4bK-t\\d+;rport"), text);
        assertEquals("<sip:alice@127.0.0.1:5071;transport=tcp>", header(text, "Contact"));
        assertEquals("<sip:bob@127.0.0.1>", header(text, "To"));
        assertEquals("1 INVITE", header(text, "CSeq"));
        assertEquals("70", header(text, "Max-Forwards"));
        assertTrue(SipText.tag(header(text, "From")) != null, "a From tag by default");
        String other = SipBuilder.request("INVITE", "sip:bob@127.0.0.1").via(tcp).build();
        assertNotEquals(header(text, "Call-ID"), header(other, "Call-ID"), "each request its own Call-ID");
        assertNotEquals(header(text, "Via"), header(other, "Via"), "and its own branch");
        assertThrows(IllegalStateException.class, () -> SipBuilder.request("OPTIONS", "sip:x@127.0.0.1").build(),
                "a request without Via");
    }

    @Test
    void responsesCancelAndRequestsInTheDialogCopyWhatRfc3261Says() {
        SipPeer udp = new Fixed("UDP", new InetSocketAddress("127.0.0.1", 5072));
        String invite = SipBuilder.request("INVITE", "sip:bob@127.0.0.1").via(udp).via("UDP", "127.0.0.1:5060", "z9hG4bK-p")
                .recordRoute("<sip:127.0.0.1:5060;lr>", "<sip:10.0.0.1;lr>").cseq(7).build();
        String ringing = SipBuilder.response(invite, 180, "Ringing").toTag("b1").contact("bob", udp).build();
        SIPResponse parsed = (SIPResponse) parse(ringing).message();
        assertEquals(180, parsed.getStatusCode());
        assertEquals(headers(invite, "Via"), headers(ringing, "Via"));
        assertEquals(headers(invite, "Record-Route"), headers(ringing, "Record-Route"));
        assertEquals("b1", SipText.tag(header(ringing, "To")));
        assertEquals(List.of(), headers(SipBuilder.response(invite, 486, "Busy Here").build(), "Record-Route"),
                "no Record-Route on a final error");
        assertNull(header(ringing, "Max-Forwards"));

        String cancel = SipBuilder.cancel(invite).build();
        parse(cancel);
        assertTrue(cancel.startsWith("CANCEL sip:bob@127.0.0.1 SIP/2.0\r\n"));
        assertEquals(List.of(headers(invite, "Via").get(0)), headers(cancel, "Via"));
        assertEquals("7 CANCEL", header(cancel, "CSeq"));
        assertEquals(header(invite, "From"), header(cancel, "From"));

        String bye = SipBuilder.inDialog("BYE", ringing).via(udp).cseq(8).build();
        parse(bye);
        assertTrue(bye.startsWith("BYE sip:bob@127.0.0.1:5072 SIP/2.0\r\n"), bye);
        assertEquals(List.of("<sip:10.0.0.1;lr>", "<sip:127.0.0.1:5060;lr>"), headers(bye, "Route"));
        assertEquals(header(ringing, "To"), header(bye, "To"));
        assertEquals("8 BYE", header(bye, "CSeq"));
    }
}
