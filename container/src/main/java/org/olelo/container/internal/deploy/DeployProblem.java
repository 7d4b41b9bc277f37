package org.olelo.container.internal.deploy;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Why an application could not be deployed: the file at fault, the line in it
 * (0 when no line applies, e.g. a class that throws in {@code init}) and the reason.
 *
 * <p>Immutable value; any thread.
 *
 * @param file   the file at fault (the archive, its sip.xml, a class file …)
 * @param line   the 1-based line in that file, or 0
 * @param reason what went wrong or what was expected, in one line
 */
public record DeployProblem(Path file, int line, String reason) {

    /** Validates the components. */
    public DeployProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(reason, "reason");
    }

    /** @return {@code file:line: reason}, or {@code file: reason} when no line applies */
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + reason : file + ": " + reason;
    }
}
