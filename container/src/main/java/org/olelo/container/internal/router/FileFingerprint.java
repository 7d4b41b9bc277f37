package org.olelo.container.internal.router;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * What tells a watched file changed: its size, modification time and identity (a file replaced by
 * a rename has another). Compared with {@code equals}; null when the file cannot be read. Used by
 * the routing file and the configuration file watchers. Stateless; any thread.
 */
public final class FileFingerprint {

    private FileFingerprint() {
    }

    /**
     * @param file a file
     * @return its fingerprint now, or null when it does not exist or cannot be read
     */
    public static Object of(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return List.of(a.size(), a.lastModifiedTime(), String.valueOf(a.fileKey()));
        } catch (IOException e) {
            return null;
        }
    }
}
