package org.olelo.apps.registrar.service;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Globally routable user agent URIs (RFC 5627) for bindings that carry a {@code +sip.instance}.
 *
 * <ul>
 *   <li>public GRUU: the AOR with {@code gr=} the instance id, e.g.
 *       {@code sip:alice@example.com;gr=urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6} (§3.1);</li>
 *   <li>temporary GRUU: {@code sip:tgruu.TOKEN@HOST;gr}, where TOKEN is the AOR and the instance
 *       encrypted (AES-GCM) with a key this registrar draws when it starts, so that the URI tells
 *       nobody who it belongs to (§3.2) and needs no table; each REGISTER gets a fresh one, and all
 *       stay valid until the registrar restarts.</li>
 * </ul>
 * {@link #target} reads either back from a Request-URI: a request to a GRUU reaches the bindings of
 * that one instance only.
 *
 * <p>Thread-safe (a cipher per call); the cost is one AES-GCM operation per GRUU made or read.
 */
public final class Gruus {

    /** Who a GRUU reaches. */
    public record Reach(Aor aor, String instance) {
    }

    private static final String TEMP_PREFIX = "tgruu.";
    private static final int IV_BYTES = 12;
    private static final int MAX_TOKEN_CHARS = 700;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    /** A GRUU maker with a fresh key. */
    public Gruus() {
        try {
            KeyGenerator g = KeyGenerator.getInstance("AES");
            g.init(128);
            key = g.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is not available", e);
        }
    }

    /**
     * @param aor      the AOR
     * @param instance the {@code +sip.instance} value as stored ({@code <urn:uuid:...>})
     * @return the public GRUU
     */
    public String publicGruu(Aor aor, String instance) {
        return aor.scheme() + ":" + escapeUser(aor.user()) + "@" + aor.host() + ";gr=" + escapeParam(strip(instance));
    }

    /**
     * @param aor      the AOR
     * @param instance the {@code +sip.instance} value as stored
     * @return a new temporary GRUU
     */
    public String temporaryGruu(Aor aor, String instance) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        byte[] plain = (aor.scheme() + "\n" + aor.user() + "\n" + aor.host() + "\n" + instance)
                .getBytes(StandardCharsets.UTF_8);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = c.doFinal(plain);
            byte[] token = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return aor.scheme() + ":" + TEMP_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(token)
                    + "@" + aor.host() + ";gr";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a temporary GRUU", e);
        }
    }

    /**
     * @param scheme the Request-URI's scheme
     * @param user   its user part (unescaped)
     * @param host   its host
     * @param gr     the value of its {@code gr} parameter: "" for a flag, null when absent
     * @return who it reaches, or null when it is no GRUU of this registrar (also for a forged one)
     */
    public Reach target(String scheme, String user, String host, String gr) {
        if (gr == null || user == null) {
            return null;
        }
        try {
            if (!gr.isEmpty()) {
                return new Reach(Aor.of(scheme, user, host), "<" + gr + ">");
            }
            if (!user.startsWith(TEMP_PREFIX) || user.length() > MAX_TOKEN_CHARS) {
                return null;
            }
            byte[] token = Base64.getUrlDecoder().decode(user.substring(TEMP_PREFIX.length()));
            if (token.length <= IV_BYTES + 16) {
                return null;
            }
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, token, 0, IV_BYTES));
            String plain = new String(c.doFinal(token, IV_BYTES, token.length - IV_BYTES), StandardCharsets.UTF_8);
            String[] p = plain.split("\n", 4);
            return new Reach(Aor.of(p[0], p[1], p[2]), p[3]);
        } catch (GeneralSecurityException | IllegalArgumentException | RegistrarException | IndexOutOfBoundsException e) {
            return null; // not ours, altered, or not base64
        }
    }

    private static String strip(String instance) {
        return instance.startsWith("<") && instance.endsWith(">") ? instance.substring(1, instance.length() - 1) : instance;
    }

    /** %-escapes what a URI parameter value may not hold (RFC 3261 paramchar). */
    static String escapeParam(String v) {
        return escape(v, "[]/:&+$-_.!~*'()");
    }

    private static String escapeUser(String v) {
        return escape(v, "-_.!~*'()&=+$,;?/");
    }

    private static String escape(String v, String allowed) {
        StringBuilder sb = new StringBuilder();
        for (byte b : v.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (c < 128 && (Character.isLetterOrDigit(c) || allowed.indexOf(c) >= 0)) {
                sb.append(c);
            } else {
                sb.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return sb.toString();
    }
}
