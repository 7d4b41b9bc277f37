package org.olelo.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The folders the interop tests work in: one per run under {@code target/} (the system property
 * {@code olelo.it.work} names another parent), emptied when the run starts again and kept after it
 * for its logs and traces.
 */
final class WorkFolders {

    private WorkFolders() {
    }

    /** @return the empty folder {@code <work>/<name>}, absolute, not created yet */
    static Path fresh(String name) {
        Path dir = Path.of(System.getProperty("olelo.it.work", "target")).resolve(name).toAbsolutePath();
        deleteTree(dir);
        return dir;
    }

    /** Deletes a folder and everything below it; nothing when it is not there. */
    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
