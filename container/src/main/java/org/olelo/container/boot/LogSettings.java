package org.olelo.container.boot;

import org.olelo.container.internal.trace.TraceSettings;

/**
 * What the server logs about traffic; the {@code log.*} and {@code trace.*} configuration keys.
 * Immutable value; any thread.
 *
 * @param calls whether the call log is written ({@code log.calls}); read at start
 * @param trace the SIP message trace ({@code trace.*}); changes in the configuration file apply
 *              while the server runs
 */
public record LogSettings(boolean calls, TraceSettings trace) {

    /** Checks the trace settings are given. */
    public LogSettings {
        java.util.Objects.requireNonNull(trace, "trace");
    }

    /** @return the call log on, no trace */
    public static LogSettings defaults() {
        return new LogSettings(true, TraceSettings.NONE);
    }

    /** @return a copy with other trace settings */
    public LogSettings withTrace(TraceSettings t) {
        return new LogSettings(calls, t);
    }
}
