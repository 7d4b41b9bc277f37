package org.olelo.container.internal.security;

import gov.nist.javax.sip.header.SIPHeader;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import java.util.LinkedHashMap;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import org.olelo.container.internal.message.HeaderNames;
import org.olelo.container.internal.message.SipServletRequestImpl;
import org.olelo.container.internal.message.SipServletResponseImpl;
import org.olelo.core.message.SipMessages;

/**
 * Answers digest challenges (RFC 3261 §22, RFC 8760) on a request an application sends again:
 * one Authorization or Proxy-Authorization per challenge it has credentials for, with qop=auth
 * when the server offers it, MD5 or SHA-256.
 */
public final class ClientDigest {

    private ClientDigest() {
    }

    /**
     * Adds credentials for every challenge of {@code challenge} that {@code credentials} knows.
     *
     * @param credentials (realm, status) to {user, password}, or null for none
     * @throws IllegalArgumentException when the response is not a 401/407 or has no usable challenge
     */
    public static void authorize(SipServletRequestImpl req, SipServletResponseImpl challenge,
                                 BiFunction<String, Integer, String[]> credentials) {
        int status = challenge.getStatus();
        if (status != 401 && status != 407) {
            throw new IllegalArgumentException("not a challenge: " + status);
        }
        SIPResponse r = challenge.jainResponse();
        String name = status == 401 ? "WWW-Authenticate" : "Proxy-Authenticate";
        String answer = status == 401 ? "Authorization" : "Proxy-Authorization";
        SIPRequest out = req.jainRequest();
        int added = 0;
        ListIterator<?> it = r.getHeaders(name);
        while (it != null && it.hasNext()) {
            Map<String, String> p = params(((SIPHeader) it.next()).getHeaderValue());
            if (p == null) {
                continue;
            }
            String realm = p.getOrDefault("realm", "");
            String[] cred = credentials.apply(realm, status);
            DigestAlgorithm alg = DigestAlgorithm.of(p.getOrDefault("algorithm", "MD5")).orElse(null);
            if (cred == null || alg == null || p.get("nonce") == null) {
                continue;
            }
            out.addHeader(HeaderNames.parse(answer, header(alg, p, cred[0], cred[1], out.getMethod(),
                    out.getRequestURI().toString())));
            added++;
        }
        if (added == 0) {
            throw new IllegalArgumentException("no credentials for the challenges of the " + status + " response");
        }
    }

    private static String header(DigestAlgorithm alg, Map<String, String> p, String user, String password,
                                 String method, String uri) {
        String realm = p.getOrDefault("realm", "");
        String nonce = p.get("nonce");
        boolean qop = p.containsKey("qop") && java.util.Arrays.stream(p.get("qop").split(","))
                .anyMatch(q -> q.trim().equalsIgnoreCase("auth"));
        String ha1 = alg.ha1(user, realm, password);
        String nc = "00000001";
        String cnonce = SipMessages.token(16);
        String response = qop ? alg.response(ha1, method, uri, nonce, nc, cnonce) : alg.hex(ha1 + ":" + nonce + ":" + alg.hex(method + ":" + uri));
        StringBuilder sb = new StringBuilder("Digest username=\"").append(user).append("\", realm=\"").append(realm)
                .append("\", nonce=\"").append(nonce).append("\", uri=\"").append(uri).append("\", response=\"")
                .append(response).append("\", algorithm=").append(alg.token());
        if (qop) {
            sb.append(", qop=auth, nc=").append(nc).append(", cnonce=\"").append(cnonce).append('"');
        }
        if (p.containsKey("opaque")) {
            sb.append(", opaque=\"").append(p.get("opaque")).append('"');
        }
        return sb.toString();
    }

    /** The parameters of a Digest challenge, or null for another scheme. */
    static Map<String, String> params(String value) {
        String v = value.trim();
        if (!v.regionMatches(true, 0, "Digest", 0, 6)) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        String rest = v.substring(6);
        int i = 0;
        while (i < rest.length()) {
            while (i < rest.length() && (rest.charAt(i) == ',' || Character.isWhitespace(rest.charAt(i)))) {
                i++;
            }
            int eq = rest.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String key = rest.substring(i, eq).trim().toLowerCase(Locale.ROOT);
            int j = eq + 1;
            String val;
            if (j < rest.length() && rest.charAt(j) == '"') {
                int end = rest.indexOf('"', j + 1);
                end = end < 0 ? rest.length() : end;
                val = rest.substring(j + 1, end);
                i = end + 1;
            } else {
                int end = rest.indexOf(',', j);
                end = end < 0 ? rest.length() : end;
                val = rest.substring(j, end).trim();
                i = end;
            }
            out.put(key, val);
        }
        return out;
    }
}
