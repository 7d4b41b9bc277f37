package org.olelo.container.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The pieces of digest authentication on their own: parsing, nonces, counts, HA1. */
class DigestPartsTest {

    @Test
    void credentialsAreParsedWithQuotesEscapesAndAnyCase() throws Exception {
        DigestCredentials c = DigestCredentials.parse("digest USERNAME=\"b\\\"ob\", realm=\"example.com\","
                + "nonce=\"n1\",uri=\"sip:example.com;transport=tcp\", response=\"ABC\", algorithm=SHA-256,"
                + " cnonce=\"c1\", opaque=\"o\", qop=auth, nc=00000001");
        assertEquals("b\"ob", c.username());
        assertEquals("sip:example.com;transport=tcp", c.uri());
        assertEquals("SHA-256", c.algorithm());
        assertEquals("00000001", c.nc());
        assertNull(DigestCredentials.parse("Basic Ym9iOnMzY3JldA=="));
        MalformedCredentialsException e = assertThrows(MalformedCredentialsException.class,
                () -> DigestCredentials.parse("Digest username=\"bob\", realm=\"r\", uri=\"sip:r\", response=\"x\""));
        assertEquals("nonce", e.parameter());
        assertThrows(MalformedCredentialsException.class, () -> DigestCredentials.parse("Digest username=\"bob"));
        assertThrows(MalformedCredentialsException.class,
                () -> DigestCredentials.parse("Digest username=a, username=b, realm=r, nonce=n, uri=u, response=x"));
    }

    @Test
    void aMalformedPartIsEchoedShortAndPrintable() {
        String junk = "x".repeat(5_000) + "\u0000\u00e9";
        MalformedCredentialsException e = assertThrows(MalformedCredentialsException.class,
                () -> DigestCredentials.parse("Digest username=\"bob\", " + junk));
        assertEquals("digest parameter " + "x".repeat(MalformedCredentialsException.MAX_ECHO) + "...: expected name=value",
                e.getMessage(), "the reason phrase echoes at most a few characters of what was received");
        e = assertThrows(MalformedCredentialsException.class, () -> DigestCredentials.parse("Digest \u0001a b=c"));
        assertFalse(e.getMessage().chars().anyMatch(c -> c < 0x20 || c > 0x7e), e.getMessage());
    }

    @Test
    void ha1AndResponseFollowRfc7616() {
        // RFC 2617 §3.5 example values, reused by RFC 7616 §3.9.1 for MD5
        String ha1 = DigestAlgorithm.MD5.ha1("Mufasa", "testrealm@host.com", "Circle Of Life");
        assertEquals("939e7578ed9e3c518a452acee763bce9", ha1);
        assertEquals("6629fae49393a05397450978507c4ef1", DigestAlgorithm.MD5.response(ha1, "GET", "/dir/index.html",
                "dcd98b7102dd2f0e8b11d0f600bfb0c093", "00000001", "0a4f113b"));
        assertEquals(64, DigestAlgorithm.SHA_256.ha1("a", "b", "c").length());
        assertEquals(DigestAlgorithm.MD5, DigestAlgorithm.of(null).orElseThrow());
        assertEquals(DigestAlgorithm.SHA_256, DigestAlgorithm.of("sha-256").orElseThrow());
        assertTrue(DigestAlgorithm.of("MD5-sess").isEmpty());
    }

    @Test
    void noncesCheckTheirMacTheirAddressAndAge() {
        AtomicLong now = new AtomicLong(1_000_000);
        NonceService nonces = new NonceService(new SecureRandom(), now::get, 300_000);
        String n = nonces.issue("192.0.2.1");
        assertNotEquals(n, nonces.issue("192.0.2.1"));
        assertEquals(NonceService.Verdict.VALID, nonces.check(n, "192.0.2.1"));
        assertEquals(NonceService.Verdict.UNKNOWN, nonces.check(n, "192.0.2.2"), "issued to another address");
        char last = n.charAt(n.length() - 2);
        String tampered = n.substring(0, n.length() - 2) + (last == 'A' ? 'B' : 'A') + n.charAt(n.length() - 1);
        assertEquals(NonceService.Verdict.UNKNOWN, nonces.check(tampered, "192.0.2.1"));
        assertEquals(NonceService.Verdict.UNKNOWN, nonces.check("not base64 !", "192.0.2.1"));
        assertEquals(NonceService.Verdict.UNKNOWN, new NonceService(new SecureRandom(), now::get, 300_000)
                .check(n, "192.0.2.1"), "another start does not know it");
        now.addAndGet(300_000);
        assertEquals(NonceService.Verdict.EXPIRED, nonces.check(n, "192.0.2.1"));
        assertEquals(NonceService.Verdict.UNKNOWN, nonces.check(n, "192.0.2.2"), "expired or not, not ours for them");
    }

    @Test
    void noncesMadeWithOneSharedKeyCheckOnEveryNodeHoldingIt() {
        AtomicLong now = new AtomicLong(1_000_000);
        byte[] routeKey = new byte[32];
        routeKey[0] = 7;
        NonceService one = new NonceService(SharedNonceKey.fromRouteKey(routeKey), new SecureRandom(), now::get, 300_000);
        NonceService two = new NonceService(SharedNonceKey.fromRouteKey(routeKey.clone()), new SecureRandom(), now::get,
                300_000);
        byte[] otherKey = routeKey.clone();
        otherKey[31] = 1;
        NonceService stranger = new NonceService(SharedNonceKey.fromRouteKey(otherKey), new SecureRandom(), now::get,
                300_000);
        String n = one.issue("192.0.2.1");
        assertEquals(NonceService.Verdict.VALID, two.check(n, "192.0.2.1"), "issued by another node with the key");
        assertEquals(NonceService.Verdict.VALID, one.check(two.issue("192.0.2.1"), "192.0.2.1"));
        assertEquals(one.opaque(), two.opaque(), "one opaque for the whole cluster");
        assertEquals(NonceService.Verdict.UNKNOWN, two.check(n, "192.0.2.2"), "still bound to the address");
        assertEquals(NonceService.Verdict.UNKNOWN, stranger.check(n, "192.0.2.1"), "another key");
        assertNotEquals(one.opaque(), stranger.opaque());
        assertEquals(NonceService.Verdict.UNKNOWN, new NonceService(new SecureRandom(), now::get, 300_000)
                .check(n, "192.0.2.1"), "a node without the key");

        AtomicLong behind = new AtomicLong(now.get() - NonceService.SHARED_SKEW_MILLIS + 1);
        NonceService slowClock = new NonceService(SharedNonceKey.fromRouteKey(routeKey), new SecureRandom(), behind::get,
                300_000);
        assertEquals(NonceService.Verdict.VALID, slowClock.check(n, "192.0.2.1"), "a node whose clock is a bit behind");
        now.addAndGet(300_000);
        assertEquals(NonceService.Verdict.EXPIRED, two.check(n, "192.0.2.1"), "stale on every node alike");
    }

    @Test
    void theNonceKeyIsNotTheRouteKey() throws Exception {
        byte[] routeKey = new byte[32];
        java.util.Arrays.fill(routeKey, (byte) 3);
        byte[] derived = SharedNonceKey.fromRouteKey(routeKey).bytes();
        assertEquals(32, derived.length);
        assertFalse(java.util.Arrays.equals(routeKey, derived));
        javax.crypto.Mac m = javax.crypto.Mac.getInstance("HmacSHA256");
        m.init(new javax.crypto.spec.SecretKeySpec(routeKey, "HmacSHA256"));
        assertTrue(java.util.Arrays.equals(m.doFinal("olelo digest nonce key v1".getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
                derived), "HMAC-SHA256 of the label under the route key");
        assertThrows(IllegalArgumentException.class, () -> SharedNonceKey.fromRouteKey(new byte[16]));
    }

    @Test
    void nonceCountsRefuseReplaysAndStayBounded() {
        NonceCounts counts = new NonceCounts(2);
        assertTrue(counts.advance("a", 1));
        assertFalse(counts.advance("a", 1));
        assertTrue(counts.advance("a", 3));
        assertFalse(counts.advance("a", 2));
        assertFalse(counts.advance("b", 0));
        assertTrue(counts.advance("b", 1));
        assertTrue(counts.advance("c", 1));
        assertTrue(counts.advance("a", 1), "a was the eldest and is forgotten beyond the capacity");
    }
}
