package org.olelo.testclient;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The answer of a user agent to an HTTP digest challenge in SIP (RFC 3261 §22, RFC 7616):
 * algorithms {@code MD5} and {@code SHA-256}, with {@code qop=auth} when the challenge offers it
 * and without qop (RFC 2069 style) when it does not.
 */
public final class Digest {

    private static final Pattern PARAM = Pattern.compile("([\\w-]+)\\s*=\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^,\\s]+))");
    private static final SecureRandom RANDOM = new SecureRandom();

    private Digest() {
    }

    /** @return the parameters of one challenge value ({@code Digest realm="...", nonce="..."}), names lower-cased */
    public static Map<String, String> params(String challenge) {
        Map<String, String> c = new HashMap<>();
        Matcher m = PARAM.matcher(challenge);
        while (m.find()) {
            c.put(m.group(1).toLowerCase(Locale.ROOT), m.group(2) != null ? m.group(2) : m.group(3));
        }
        return c;
    }

    /**
     * Picks the first challenge whose algorithm is supported (the server lists them in its order
     * of preference; no algorithm means MD5).
     *
     * @return that challenge, or null when none is
     */
    public static String choose(List<String> challenges) {
        for (String c : challenges) {
            String alg = params(c).getOrDefault("algorithm", "MD5").toUpperCase(Locale.ROOT);
            if (alg.equals("MD5") || alg.equals("SHA-256")) {
                return c;
            }
        }
        return null;
    }

    /** @return the Authorization (or Proxy-Authorization) value answering {@code challenge} with a fresh cnonce */
    public static String answer(String challenge, String user, String password, String method, String uri) {
        return answer(challenge, user, password, method, uri, HexFormat.of().formatHex(RANDOM.generateSeed(8)), 1);
    }

    /** The same with a given client nonce and nonce count (for tests against published examples). */
    public static String answer(String challenge, String user, String password, String method, String uri,
            String cnonce, int nc) {
        Map<String, String> c = params(challenge);
        String algorithm = c.getOrDefault("algorithm", "MD5");
        String realm = c.getOrDefault("realm", "");
        String nonce = c.getOrDefault("nonce", "");
        boolean qop = c.containsKey("qop") && List.of(c.get("qop").split("\\s*,\\s*")).contains("auth");
        String ha1 = hash(algorithm, user + ":" + realm + ":" + password);
        String ha2 = hash(algorithm, method + ":" + uri);
        String count = String.format("%08x", nc);
        String response = qop ? hash(algorithm, ha1 + ":" + nonce + ":" + count + ":" + cnonce + ":auth:" + ha2)
                : hash(algorithm, ha1 + ":" + nonce + ":" + ha2);
        StringBuilder sb = new StringBuilder("Digest username=\"").append(user).append("\", realm=\"").append(realm)
                .append("\", nonce=\"").append(nonce).append("\", uri=\"").append(uri).append("\", response=\"")
                .append(response).append("\", algorithm=").append(algorithm);
        if (qop) {
            sb.append(", cnonce=\"").append(cnonce).append("\", qop=auth, nc=").append(count);
        }
        if (c.containsKey("opaque")) {
            sb.append(", opaque=\"").append(c.get("opaque")).append('"');
        }
        return sb.toString();
    }

    /** @return the lower-case hex digest of {@code text} (UTF-8) with {@code MD5} or {@code SHA-256} */
    public static String hash(String algorithm, String text) {
        try {
            String a = algorithm.equalsIgnoreCase("SHA-256") ? "SHA-256" : "MD5";
            return HexFormat.of().formatHex(MessageDigest.getInstance(a).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
