package org.olelo.container.testkit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a SIP user agent does with a digest challenge, written independently of the server's code:
 * read the challenge, compute the response of RFC 7616 §3.4.1 with {@code qop=auth}, and build the
 * {@code Authorization} value.
 */
public final class DigestClient {

    private static final Pattern PARAM = Pattern.compile("([A-Za-z-]+)=(\"([^\"]*)\"|[^,\\s]+)");

    private DigestClient() {
    }

    /** @return the parameters of a challenge or credentials header value, lower-case names */
    public static Map<String, String> params(String value) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = PARAM.matcher(value.substring(value.indexOf(' ') + 1));
        while (m.find()) {
            out.put(m.group(1).toLowerCase(), m.group(3) != null ? m.group(3) : m.group(2));
        }
        return out;
    }

    /** @return the challenge among {@code challenges} with that algorithm */
    public static String withAlgorithm(List<String> challenges, String algorithm) {
        return challenges.stream().filter(c -> algorithm.equalsIgnoreCase(params(c).get("algorithm"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + algorithm + " challenge in " + challenges));
    }

    public static String hex(String algorithm, String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param challenge the challenge header value answered
     * @param user      the user name
     * @param password  the password
     * @param method    the request method
     * @param uri       the Request-URI
     * @param nc        the nonce count, 8 hex digits
     * @return the {@code Authorization} header value
     */
    public static String answer(String challenge, String user, String password, String method, String uri, String nc) {
        Map<String, String> c = params(challenge);
        String alg = c.getOrDefault("algorithm", "MD5");
        String realm = c.get("realm");
        String nonce = c.get("nonce");
        String cnonce = "c" + Long.toHexString(System.nanoTime());
        String ha1 = hex(alg, user + ":" + realm + ":" + password);
        String ha2 = hex(alg, method + ":" + uri);
        String response = hex(alg, ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2);
        return "Digest username=\"" + user + "\", realm=\"" + realm + "\", nonce=\"" + nonce + "\", uri=\"" + uri
                + "\", response=\"" + response + "\", algorithm=" + alg + ", cnonce=\"" + cnonce + "\", opaque=\""
                + c.get("opaque") + "\", qop=auth, nc=" + nc;
    }
}
