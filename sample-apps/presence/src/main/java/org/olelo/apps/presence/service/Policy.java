package org.olelo.apps.presence.service;

import java.util.Locale;

/**
 * Who may watch a presentity (context-param {@code policy}). Whatever the policy, a presentity may
 * watch itself, and a watcher the presentity denied (RPC {@code presence.deny}) gets 403.
 */
public enum Policy {
    /** Watchers of the local domains are active at once; others wait for {@code presence.allow}. */
    ALLOW,
    /** Every new watcher is pending until {@code presence.allow} (or refused by {@code presence.deny}). */
    CONFIRM,
    /** Nobody but the presentity itself may watch: 403. */
    DENY;

    /**
     * @param text {@code allow}, {@code confirm} or {@code deny}
     * @return the policy
     * @throws IllegalArgumentException for anything else
     */
    public static Policy parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("expected allow, confirm or deny but found '" + text + "'");
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
