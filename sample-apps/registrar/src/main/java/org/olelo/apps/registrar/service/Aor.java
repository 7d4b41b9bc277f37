package org.olelo.apps.registrar.service;

import java.util.Locale;

/**
 * An address-of-record in canonical form (RFC 3261 §10.3 step 5): scheme ({@code sip} or
 * {@code sips}), user part as given (user names are case-sensitive), host in lower case; no port,
 * no parameters, no headers. {@link #key()} is what the location store is keyed by.
 *
 * <p>Immutable value; any thread.
 *
 * @param scheme {@code sip} or {@code sips}
 * @param user   the user part, unescaped, never empty
 * @param host   the host in lower case, never empty
 */
public record Aor(String scheme, String user, String host) {

    /** The longest canonical AOR accepted, in characters (the width of {@code location.aor}). */
    public static final int MAX_LENGTH = 256;

    /**
     * Canonicalises the parts of a SIP URI (To of a REGISTER, Request-URI of a request to route).
     *
     * @param scheme the URI scheme
     * @param user   the user part (unescaped), or null
     * @param host   the host, or null
     * @return the AOR
     * @throws RegistrarException 400 when the scheme is not SIP or SIPS, the user or host is
     *                            missing, or the AOR is longer than {@link #MAX_LENGTH}
     */
    public static Aor of(String scheme, String user, String host) throws RegistrarException {
        String s = scheme == null ? "" : scheme.toLowerCase(Locale.ROOT);
        if (!s.equals("sip") && !s.equals("sips")) {
            throw new RegistrarException(400, "Invalid AOR: not a SIP or SIPS URI (" + (s.isEmpty() ? "no scheme" : s) + ")");
        }
        if (user == null || user.isEmpty()) {
            throw new RegistrarException(400, "Invalid AOR: no user part");
        }
        if (host == null || host.isEmpty()) {
            throw new RegistrarException(400, "Invalid AOR: no host");
        }
        Aor aor = new Aor(s, user, LocalDomains.normalise(host));
        int length = aor.key().length();
        if (length > MAX_LENGTH) {
            throw new RegistrarException(400, "Invalid AOR: " + length + " characters, more than " + MAX_LENGTH);
        }
        return aor;
    }

    /** @return the canonical text, {@code scheme:user@host} */
    public String key() {
        return scheme + ":" + user + "@" + host;
    }

    @Override
    public String toString() {
        return key();
    }
}
