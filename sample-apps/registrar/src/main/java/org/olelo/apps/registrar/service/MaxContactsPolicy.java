package org.olelo.apps.registrar.service;

import java.util.Locale;

/**
 * What a REGISTER that would leave an AOR with more than {@code max.contacts} bindings gets: the
 * context-param {@code max.contacts.policy}.
 */
public enum MaxContactsPolicy {
    /** 403, nothing changes (the default). */
    REJECT,
    /**
     * The new bindings are stored and the least recently written older ones removed to make room
     * (Kamailio's {@code save} flag 0x04); a REGISTER that alone adds more than the limit is still a 403.
     */
    REPLACE_OLDEST;

    /**
     * @param text {@code reject} or {@code replace-oldest}, any case
     * @return the policy
     * @throws IllegalArgumentException for anything else
     */
    public static MaxContactsPolicy parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "reject" -> REJECT;
            case "replace-oldest" -> REPLACE_OLDEST;
            default -> throw new IllegalArgumentException("expected reject or replace-oldest but found '" + text + "'");
        };
    }
}
