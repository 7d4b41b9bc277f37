package org.olelo.container.boot;

import java.util.Objects;
import org.olelo.container.internal.acc.AccSettings;
import org.olelo.container.internal.dialog.DialogSettings;

/**
 * What the server keeps of the calls it takes part in: the dialog table ({@code dialog.*}) and the
 * accounting of proxied calls ({@code acc.*}). Immutable; any thread.
 *
 * @param dialog the dialog table's settings
 * @param acc    the accounting's settings
 */
public record CallSettings(DialogSettings dialog, AccSettings acc) {

    /** Checks both parts are given. */
    public CallSettings {
        Objects.requireNonNull(dialog, "dialog");
        Objects.requireNonNull(acc, "acc");
    }

    /** @return no call length limit, accounting on */
    public static CallSettings defaults() {
        return new CallSettings(DialogSettings.defaults(), AccSettings.defaults());
    }
}
