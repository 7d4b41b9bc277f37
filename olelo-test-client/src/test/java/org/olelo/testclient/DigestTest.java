package org.olelo.testclient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The digest answers against the worked examples of RFC 7616 §3.9.1 (the same computation SIP uses). */
class DigestTest {

    private static final String CHALLENGE = "Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm=%s,"
            + " nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"";
    private static final String CNONCE = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";

    @Test
    void md5AnswerMatchesTheRfcExample() {
        String a = Digest.answer(CHALLENGE.formatted("MD5"), "Mufasa", "Circle of Life", "GET", "/dir/index.html", CNONCE, 1);
        assertEquals("8ca523f5e9506fed4657c9700eebdbec", Digest.params(a).get("response"), a);
        assertEquals("00000001", Digest.params(a).get("nc"));
        assertEquals("FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS", Digest.params(a).get("opaque"));
    }

    @Test
    void sha256AnswerMatchesTheRfcExample() {
        String a = Digest.answer(CHALLENGE.formatted("SHA-256"), "Mufasa", "Circle of Life", "GET", "/dir/index.html", CNONCE, 1);
        assertEquals("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1", Digest.params(a).get("response"), a);
        assertTrue(a.contains("algorithm=SHA-256"), a);
    }

    @Test
    void theFirstSupportedChallengeIsChosen() {
        String sha = "Digest realm=\"r\", nonce=\"n\", algorithm=SHA-256";
        assertEquals(sha, Digest.choose(List.of("Digest realm=\"r\", nonce=\"n\", algorithm=SHA-512-256", sha)));
        assertNull(Digest.choose(List.of("Digest realm=\"r\", algorithm=AKAv1-MD5")));
    }
}
