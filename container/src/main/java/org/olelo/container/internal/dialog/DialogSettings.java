package org.olelo.container.internal.dialog;

/**
 * The {@code dialog.*} configuration. Immutable; any thread.
 *
 * @param maxSeconds how long an answered call may last before the container ends it with a BYE to
 *                   both parties ({@code dialog.max.seconds}); 0 for no limit
 */
public record DialogSettings(long maxSeconds) {

    /** Checks the limit is not negative. */
    public DialogSettings {
        if (maxSeconds < 0) {
            throw new IllegalArgumentException("dialog.max.seconds must not be negative");
        }
    }

    /** @return no limit on the length of calls */
    public static DialogSettings defaults() {
        return new DialogSettings(0);
    }
}
