package org.olelo.apps.presence.service;

import java.util.Locale;

/** How presentities and watchers are named and matched to authenticated users. */
public final class Identities {

    /** Longest presentity or watcher URI kept; longer ones are answered 400 and never stored. */
    public static final int MAX_LENGTH = 256;

    private Identities() {
    }

    /**
     * @return {@code sip:user@host} with the host in lower case
     * @throws Rejection 400 when a part is missing or the result is longer than {@value #MAX_LENGTH}
     */
    public static String aor(String user, String host) throws Rejection {
        if (user == null || user.isEmpty() || host == null || host.isEmpty()) {
            throw new Rejection(400, "Bad Request-URI or From: user and host needed");
        }
        String aor = "sip:" + user + "@" + host.toLowerCase(Locale.ROOT);
        if (aor.length() > MAX_LENGTH) {
            throw new Rejection(400, "URI too long");
        }
        return aor;
    }

    /**
     * @param authenticated the container's remote user ({@code user} or {@code user@domain})
     * @param user          a URI's user part
     * @param aor           the whole {@code sip:user@host}
     * @return whether the authenticated user is the owner of that URI
     */
    public static boolean owns(String authenticated, String user, String aor) {
        if (authenticated.indexOf('@') < 0) {
            return authenticated.equals(user);
        }
        return ("sip:" + authenticated).equalsIgnoreCase(aor) && authenticated.startsWith(user + "@");
    }
}
