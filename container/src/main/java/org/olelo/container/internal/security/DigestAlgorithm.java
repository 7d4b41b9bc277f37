package org.olelo.container.internal.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * The digest algorithms Olelo offers and accepts (RFC 7616 §3.3, RFC 8760 for SIP), in order of
 * preference: SHA-256 first, MD5 for the many SIP clients that know nothing else. The
 * {@code -sess} variants are not offered.
 *
 * <p>Stateless; any thread.
 */
public enum DigestAlgorithm {

    /** SHA-256, RFC 8760. */
    SHA_256("SHA-256", "SHA-256"),
    /** MD5, RFC 3261 §22.4; also what an absent {@code algorithm} parameter means. */
    MD5("MD5", "MD5");

    private final String token;
    private final String jcaName;

    DigestAlgorithm(String token, String jcaName) {
        this.token = token;
        this.jcaName = jcaName;
    }

    /** @return the value of the {@code algorithm} parameter, e.g. {@code SHA-256} */
    public String token() {
        return token;
    }

    /**
     * @param token the {@code algorithm} parameter of a response, or null when absent
     * @return the algorithm: MD5 when absent, empty when not supported
     */
    public static Optional<DigestAlgorithm> of(String token) {
        if (token == null) {
            return Optional.of(MD5);
        }
        String t = token.trim().toUpperCase(Locale.ROOT);
        for (DigestAlgorithm a : values()) {
            if (a.token.equals(t)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /**
     * @param text the text to hash, encoded as UTF-8
     * @return its digest in lower-case hex
     */
    public String hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(jcaName).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + jcaName, e);
        }
    }

    /**
     * @param username the user name
     * @param realm    the realm
     * @param password the password
     * @return HA1 = H(username ":" realm ":" password), what the subscriber table stores
     */
    public String ha1(String username, String realm, String password) {
        return hex(username + ":" + realm + ":" + password);
    }

    /**
     * The expected {@code response} of RFC 7616 §3.4.1 for {@code qop=auth}.
     *
     * @param ha1    the stored HA1
     * @param method the request method
     * @param uri    the {@code uri} parameter as the client sent it
     * @param nonce  the nonce the client used
     * @param nc     the nonce count as sent (8 hex digits)
     * @param cnonce the client nonce
     * @return H(HA1 ":" nonce ":" nc ":" cnonce ":auth:" H(method ":" uri))
     */
    public String response(String ha1, String method, String uri, String nonce, String nc, String cnonce) {
        return hex(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + hex(method + ":" + uri));
    }
}
