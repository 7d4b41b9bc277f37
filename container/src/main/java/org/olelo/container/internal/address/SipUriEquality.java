package org.olelo.container.internal.address;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * SIP URI comparison of RFC 3261 section 19.1.4: user information compared case-sensitively,
 * host and parameters without regard to case, all after unescaping; {@code user}, {@code ttl},
 * {@code method}, {@code maddr} and {@code transport} must appear in both URIs or in neither
 * (the RFC's examples treat {@code transport} this way), other parameters present in only one
 * URI are ignored, and URI headers must all match.
 */
final class SipUriEquality {

    /** Parameters that must be present in both URIs, or in neither, for them to match. */
    private static final List<String> MUST_MATCH =
            List.of("user", "ttl", "method", "maddr", "transport");

    private SipUriEquality() {
    }

    static boolean equivalent(SipURIImpl a, SipURIImpl b) {
        if (a.secure != b.secure || a.port != b.port || !Objects.equals(a.user, b.user)
                || !Objects.equals(a.password, b.password)
                || !hostKey(a.host).equals(hostKey(b.host)) || !a.headers.sameAs(b.headers)) {
            return false;
        }
        return paramsMatch(a, b) && paramsMatch(b, a);
    }

    static int hash(SipURIImpl u) {
        int h = Objects.hash(u.secure, u.user, u.password, hostKey(u.host), u.port);
        for (String name : MUST_MATCH) {
            String v = u.params.get(name);
            h = 31 * h + (v == null ? 0 : v.toLowerCase(Locale.ROOT).hashCode());
        }
        return 31 * h + u.headers.sameAsHash();
    }

    /** Checks the parameters of {@code a} against those of {@code b}. */
    private static boolean paramsMatch(SipURIImpl a, SipURIImpl b) {
        for (String name : a.params.nameSet()) {
            String other = b.params.get(name);
            if (other == null) {
                if (MUST_MATCH.contains(name.toLowerCase(Locale.ROOT))) {
                    return false;
                }
            } else if (!other.equalsIgnoreCase(a.params.get(name))) {
                return false;
            }
        }
        return true;
    }

    /** Host in comparable form: lower case, IPv6 references in canonical notation. */
    private static String hostKey(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            try {
                return InetAddress.getByName(h).getHostAddress();
            } catch (UnknownHostException | SecurityException e) {
                return h;
            }
        }
        return h;
    }
}
