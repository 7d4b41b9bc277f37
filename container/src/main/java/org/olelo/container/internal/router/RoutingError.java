package org.olelo.container.internal.router;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A fault in the routing file: where it is and what was expected.
 *
 * <p>Immutable value; any thread.
 *
 * @param file   the routing file
 * @param line   the 1-based line of the fault, or 0 when the whole file is at fault
 * @param reason what was expected or what is wrong
 */
public record RoutingError(Path file, int line, String reason) {

    /** Validates the components. */
    public RoutingError {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(reason, "reason");
    }

    /** @return {@code file:line: reason} */
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + reason : file + ": " + reason;
    }
}
