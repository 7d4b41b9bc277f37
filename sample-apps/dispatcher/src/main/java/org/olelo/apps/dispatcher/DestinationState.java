package org.olelo.apps.dispatcher;

import java.util.Locale;

/**
 * The state of a destination.
 * <ul>
 *   <li>{@link #ACTIVE}: gets calls and is probed;</li>
 *   <li>{@link #INACTIVE}: gets no calls; when probing marked it so it is still probed and the
 *       first answer makes it active again; when an operator set it, it stays inactive until an
 *       operator sets it active or probing;</li>
 *   <li>{@link #PROBING}: gets no calls, is probed, and the first answer makes it active.</li>
 * </ul>
 */
public enum DestinationState {
    /** Gets calls. */
    ACTIVE,
    /** Gets no calls. */
    INACTIVE,
    /** Gets no calls until a probe is answered. */
    PROBING;

    /** The lower-case name used in commands, logs and listings. */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param text {@code active}, {@code inactive} or {@code probing} (any case)
     * @throws IllegalArgumentException for anything else
     */
    public static DestinationState parse(String text) {
        for (DestinationState s : values()) {
            if (s.text().equalsIgnoreCase(text.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("state must be active, inactive or probing but is '" + text + "'");
    }
}
