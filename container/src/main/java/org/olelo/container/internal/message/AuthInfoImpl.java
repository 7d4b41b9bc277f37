package org.olelo.container.internal.message;

import jakarta.servlet.sip.AuthInfo;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Credentials an application keeps for the servers that challenge its requests, by challenge
 * status (401 or 407) and realm. Thread-safe.
 */
public final class AuthInfoImpl implements AuthInfo {

    private static final long serialVersionUID = 1L;

    private final Map<String, String[]> entries = new ConcurrentHashMap<>();

    @Override
    public void addAuthInfo(int statusCode, String realm, String username, String password) {
        if (statusCode != 401 && statusCode != 407) {
            throw new IllegalArgumentException("credentials answer a 401 or 407 challenge, not " + statusCode);
        }
        entries.put(statusCode + " " + Objects.requireNonNull(realm, "realm"),
                new String[] {Objects.requireNonNull(username, "username"), Objects.requireNonNull(password, "password")});
    }

    /** The user name and password for a challenge, or null. */
    public String[] credentials(int statusCode, String realm) {
        return entries.get(statusCode + " " + realm);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuthInfoImpl a && a.entries.keySet().equals(entries.keySet());
    }

    @Override
    public int hashCode() {
        return entries.keySet().hashCode();
    }
}
