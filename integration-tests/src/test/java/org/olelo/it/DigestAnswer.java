package org.olelo.it;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code Authorization} a user agent sends back for an MD5 digest challenge with
 * {@code qop=auth} (RFC 2617/7616), computed here from the RFC, not from the server's code.
 */
final class DigestAnswer {

    private static final Pattern PARAM = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|([^,\\s]+))");

    private DigestAnswer() {
    }

    /** @return the Authorization value for {@code challenge} (a WWW-Authenticate value), nonce count 1 */
    static String of(String challenge, String user, String password, String method, String uri) {
        return of(challenge, user, password, method, uri, 1);
    }

    /**
     * @param nc the nonce count: 1 for the first use of the challenge's nonce, one more each time
     *           it is used again
     * @return the Authorization value for {@code challenge} (a WWW-Authenticate value)
     */
    static String of(String challenge, String user, String password, String method, String uri, int nc) {
        Map<String, String> c = new HashMap<>();
        Matcher m = PARAM.matcher(challenge);
        while (m.find()) {
            c.put(m.group(1).toLowerCase(), m.group(2) != null ? m.group(2) : m.group(3));
        }
        String cnonce = Long.toHexString(System.nanoTime());
        String ha1 = md5(user + ":" + c.get("realm") + ":" + password);
        String ha2 = md5(method + ":" + uri);
        String count = String.format("%08x", nc);
        String response = md5(ha1 + ":" + c.get("nonce") + ":" + count + ":" + cnonce + ":auth:" + ha2);
        return "Digest username=\"" + user + "\", realm=\"" + c.get("realm") + "\", nonce=\"" + c.get("nonce")
                + "\", uri=\"" + uri + "\", response=\"" + response + "\", algorithm=MD5, cnonce=\"" + cnonce
                + "\", qop=auth, nc=" + count + (c.containsKey("opaque") ? ", opaque=\"" + c.get("opaque") + "\"" : "");
    }

    private static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
