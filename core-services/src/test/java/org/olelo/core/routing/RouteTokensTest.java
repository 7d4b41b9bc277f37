package org.olelo.core.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.nist.javax.sip.message.SIPRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import javax.sip.address.SipURI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.core.message.ParseOutcome;
import org.olelo.core.message.SipMessages;
import org.olelo.core.message.SipParser;
import org.olelo.core.testkit.SipBuilder;

/** The signature of our Record-Route entries: bound to the dialog, kept across restarts, key file private. */
class RouteTokensTest {

    @TempDir
    Path data;

    private static SipURI uri(String u) throws Exception {
        return (SipURI) SipMessages.ADDRESSES.createURI(u);
    }

    private static SIPRequest request(String callId, String fromTag, String toTag) {
        byte[] text = SipBuilder.request("BYE", "sip:bob@192.0.2.7").viaValue("SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK-t")
                .from("<sip:a@example.com>;tag=" + fromTag).to("<sip:b@example.com>;tag=" + toTag).callId(callId).cseq(2)
                .bytes();
        return (SIPRequest) ((ParseOutcome.Parsed) SipParser.parse(text)).message();
    }

    @Test
    void aTokenVerifiesForItsDialogInBothDirectionsAndNowhereElse() throws Exception {
        RouteTokens t = RouteTokens.load(data);
        SipURI rr = uri("sip:192.0.2.1:5060;lr;ol=s1;app=x");
        String token = t.signRecordRoute(rr, "call-1", "caller");
        assertEquals(token, rr.getParameter(RouteTokens.PARAM));
        SipURI echoed = uri(rr.toString().replace(";lr", ";lr=on") + ";transport=tcp");
        assertTrue(t.verifiesRecordRoute(echoed, request("call-1", "caller", "callee")), "caller to callee");
        assertTrue(t.verifiesRecordRoute(echoed, request("call-1", "callee", "caller")), "callee to caller");
        assertFalse(t.verifiesRecordRoute(echoed, request("call-2", "caller", "callee")), "another Call-ID");
        assertFalse(t.verifiesRecordRoute(echoed, request("call-1", "x", "y")), "other tags");
        SipURI changed = uri(rr.toString().replace("app=x", "app=y"));
        assertFalse(t.verifiesRecordRoute(changed, request("call-1", "caller", "callee")), "a parameter changed");
        assertFalse(RouteTokens.ephemeral().verifiesRecordRoute(echoed, request("call-1", "caller", "callee")),
                "another key");
        SipURI path = uri("sip:192.0.2.1:5060;lr");
        t.signPath(path);
        assertFalse(t.verifiesRecordRoute(path, request("", "", "")), "a Path token is no Record-Route token");
    }

    @Test
    void nodesWithTheSameGivenKeyVerifyEachOthersEntriesWhateverTheirAddress() throws Exception {
        byte[] key = new byte[32];
        key[0] = 7;
        SipURI rr = uri("sip:192.0.2.1:5060;lr;ol=s1");
        RouteTokens.withKey(key).signRecordRoute(rr, "call-1", "caller");
        SipURI seenElsewhere = uri(rr.toString().replace("192.0.2.1:5060", "192.0.2.2:5070"));
        assertTrue(RouteTokens.withKey(key.clone()).verifiesRecordRoute(seenElsewhere, request("call-1", "caller", "callee")),
                "another node with the same key");
        key[0] = 8;
        assertFalse(RouteTokens.withKey(key).verifiesRecordRoute(rr, request("call-1", "caller", "callee")), "another key");
        assertThrows(IllegalArgumentException.class, () -> RouteTokens.withKey(new byte[16]));
    }

    @Test
    void theKeyIsMadeOnceWithMode600AndKeptAcrossRestarts() throws Exception {
        RouteTokens first = RouteTokens.load(data);
        Path file = data.resolve(RouteTokens.KEY_FILE);
        assertEquals(32, Files.size(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        byte[] key = Files.readAllBytes(file);
        RouteTokens second = RouteTokens.load(data);
        SipURI a = uri("sip:192.0.2.1;lr;ol=s");
        SipURI b = uri("sip:192.0.2.1;lr;ol=s");
        assertEquals(first.signRecordRoute(a, "c", "t"), second.signRecordRoute(b, "c", "t"), "same key after a restart");
        assertEquals(java.util.Arrays.toString(key), java.util.Arrays.toString(Files.readAllBytes(file)));
        Path other = Files.createDirectory(data.resolve("other"));
        assertNotEquals(first.signRecordRoute(uri("sip:192.0.2.1;lr;ol=s"), "c", "t"),
                RouteTokens.load(other).signRecordRoute(uri("sip:192.0.2.1;lr;ol=s"), "c", "t"), "each data folder its key");
    }

    @Test
    void aDamagedKeyFileStopsTheStartWithItsName() throws Exception {
        Files.write(data.resolve(RouteTokens.KEY_FILE), new byte[] {1, 2, 3});
        IOException e = assertThrows(IOException.class, () -> RouteTokens.load(data));
        assertTrue(e.getMessage().contains(RouteTokens.KEY_FILE), e.getMessage());
    }
}
