package org.olelo.core.message.lazy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.nist.javax.sip.message.SIPMessage;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.olelo.core.message.HeaderNameForm;
import org.olelo.core.message.ParseOutcome;
import org.olelo.core.message.SipParser;

/**
 * The received bytes kept with a parsed message: written back with exactly the edits recorded,
 * and not at all (null: encode it) once anything else changed the message, for a clone, for a
 * message not forwarded, or without Content-Length.
 */
class ReceivedTest {

    private static final String ACK = "ACK sip:bob@127.0.0.1:5090 SIP/2.0\r\n"
            + "v: SIP/2.0/UDP 127.0.0.1:5080;branch=z9hG4bKa1;rport , SIP/2.0/TCP 10.0.0.1;branch=z9hG4bKa0\r\n"
            + "Route:<sip:127.0.0.1:5060;lr>,<sip:p2.example;lr>\r\n"
            + "Max-Forwards:  70\r\n"
            + "X-Odd :  as  is\r\n"
            + "f: <sip:alice@127.0.0.1>;tag=a\r\nt: <sip:bob@127.0.0.1>;tag=b\r\ni: c1\r\nCSeq: 1 ACK\r\nl: 0\r\n\r\n";

    private static final String OK = "SIP/2.0 200 OK\r\n"
            + "Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKp1\r\n"
            + "v:SIP/2.0/UDP 127.0.0.1:5080;branch=z9hG4bKa1\r\n"
            + "f: <sip:alice@127.0.0.1>;tag=a\r\nt: <sip:bob@127.0.0.1>;tag=b\r\ni: c1\r\nCSeq: 1 INVITE\r\nl: 0\r\n\r\n";

    private static SIPMessage parse(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        SIPMessage m = ((ParseOutcome.Parsed) SipParser.parse(b)).message();
        Received.attach(m, b);
        return m;
    }

    private static String edited(SIPMessage m) {
        byte[] b = Received.edited(m);
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void aRequestLeavesWithItsRecordedEditsOnly() {
        SIPMessage m = parse(ACK);
        Received.rewroteTopVia(m, "SIP/2.0/UDP 127.0.0.1:5080;branch=z9hG4bKa1;rport=5080;received=127.0.0.2");
        Received.poppedRoute(m);
        Received.setMaxForwards(m, 69);
        Received.pushedVia(m, "SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKme");
        assertEquals("ACK sip:bob@127.0.0.1:5090 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKme\r\n"
                + "v: SIP/2.0/UDP 127.0.0.1:5080;branch=z9hG4bKa1;rport=5080;received=127.0.0.2 , SIP/2.0/TCP 10.0.0.1;branch=z9hG4bKa0\r\n"
                + "Route:<sip:p2.example;lr>\r\n"
                + "Max-Forwards:  69\r\n"
                + "X-Odd :  as  is\r\n"
                + "f: <sip:alice@127.0.0.1>;tag=a\r\nt: <sip:bob@127.0.0.1>;tag=b\r\ni: c1\r\nCSeq: 1 ACK\r\nl: 0\r\n\r\n",
                edited(m));
    }

    @Test
    void aResponseLeavesWithoutItsTopVia() {
        SIPMessage m = parse(OK);
        Received.poppedVia(m);
        assertEquals(OK.replace("Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKp1\r\n", ""), edited(m));
    }

    @Test
    void nothingComesBackOnceTheMessageChangedOtherwise() {
        SIPMessage m = parse(OK);
        Received.poppedVia(m);
        Received.changed(m);
        assertNull(edited(m));
    }

    @Test
    void onlyForwardedMessagesComeBack() {
        assertNull(edited(parse(OK)), "a response nothing popped from");
        assertNull(edited(parse(ACK)), "a request nothing pushed on");
        SIPMessage twice = parse(OK);
        Received.poppedVia(twice);
        Received.poppedVia(twice);
        assertNull(edited(twice), "two Vias popped");
        SIPMessage m = parse(ACK);
        Received.pushedVia(m, "SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKme");
        Received.setMaxForwards(m, 12);
        assertNull(edited(m), "Max-Forwards set to something else than one less");
    }

    @Test
    void aCopyMadeToBeForwardedCarriesWhatWasRecordedAndThenItsOwnEdits() {
        SIPMessage m = parse(ACK);
        Received.poppedRoute(m);
        SIPMessage copy = (SIPMessage) m.clone();
        Received.copy(m, copy);
        Received.replacedRequestUri(copy, "sip:bob@127.0.0.3");
        Received.pushedVia(copy, "SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKme");
        String out = edited(copy);
        assertTrue(out.startsWith("ACK sip:bob@127.0.0.3 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKme\r\nv: "), out);
        assertTrue(out.contains("\r\nRoute:<sip:p2.example;lr>\r\nMax-Forwards:  70\r\n"), out);
        assertNull(edited(m), "the original was not forwarded");
        SIPMessage changed = parse(ACK);
        Received.changed(changed);
        SIPMessage copyOfChanged = (SIPMessage) changed.clone();
        Received.copy(changed, copyOfChanged);
        Received.pushedVia(copyOfChanged, "SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKme");
        assertNull(edited(copyOfChanged), "a copy of a changed message is changed");
    }

    @Test
    void aCloneOrAMessageWithAHeaderNameFormOrWithoutContentLengthIsEncoded() {
        SIPMessage m = parse(OK);
        Received.poppedVia(m);
        SIPMessage clone = (SIPMessage) m.clone();
        assertFalse(Received.isReceived(clone));
        Received.poppedVia(clone);
        assertNull(edited(clone));
        assertTrue(Received.isReceived(m));
        HeaderNameForm.set(m, HeaderNameForm.COMPACT);
        assertNull(edited(m));
        SIPMessage noLength = parse(OK.replace("l: 0\r\n", ""));
        Received.poppedVia(noLength);
        assertNull(edited(noLength));
    }
}
