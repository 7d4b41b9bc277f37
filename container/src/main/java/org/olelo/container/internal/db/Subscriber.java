package org.olelo.container.internal.db;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * One row of the {@code subscriber} table.
 *
 * <p>Immutable value; any thread. The HA1 values are password equivalents: {@link #toString()}
 * leaves them out.
 *
 * @param id        the row id, or 0 before it is stored
 * @param username  the user part, case-sensitive as in SIP URIs
 * @param domain    the domain, lower-case; also the digest realm of the HA1 values
 * @param ha1Md5    H(username:realm:password) with MD5, 32 lower-case hex digits
 * @param ha1Sha256 H(username:realm:password) with SHA-256, 64 lower-case hex digits
 * @param roles     role names, in the order given
 * @param created   when the row was added, or null before it is stored
 */
public record Subscriber(long id, String username, String domain, String ha1Md5, String ha1Sha256,
                         List<String> roles, Instant created) {

    /** Lower-cases the domain and freezes the roles. */
    public Subscriber {
        domain = domain.toLowerCase(Locale.ROOT);
        roles = List.copyOf(roles);
    }

    /** @return {@code username@domain} */
    public String address() {
        return username + "@" + domain;
    }

    /** @return the roles joined by commas, as stored */
    public String rolesText() {
        return String.join(",", roles);
    }

    /**
     * @param text roles separated by commas, possibly blank
     * @return the role names, trimmed, empty ones dropped
     */
    public static List<String> parseRoles(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(text.split(",")).map(String::trim).filter(r -> !r.isEmpty()).toList();
    }

    @Override
    public String toString() {
        return "Subscriber[" + address() + ", roles=" + roles + ", created=" + created + "]";
    }
}
