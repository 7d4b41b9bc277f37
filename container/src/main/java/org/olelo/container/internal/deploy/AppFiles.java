package org.olelo.container.internal.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Enumeration;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * File-system work of the deployer: recognising application sources, copying
 * them into a work folder, fingerprinting them for change detection and removing
 * work folders. Stateless; called on the deployer thread.
 */
final class AppFiles {

    private AppFiles() {
    }

    /** @return whether the path is an application archive ({@code .sar} or {@code .war}) */
    static boolean isArchive(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return (n.endsWith(".sar") || n.endsWith(".war")) && Files.isRegularFile(p);
    }

    /** @return whether the path is an application source: an archive or a visible folder */
    static boolean isAppSource(Path p) {
        String n = p.getFileName().toString();
        return !n.startsWith(".") && (isArchive(p) || Files.isDirectory(p));
    }

    /** @return the file or folder name without a {@code .sar}/{@code .war} extension */
    static String baseName(Path p) {
        String n = p.getFileName().toString();
        String lower = n.toLowerCase(Locale.ROOT);
        return lower.endsWith(".sar") || lower.endsWith(".war") ? n.substring(0, n.length() - 4) : n;
    }

    /**
     * Puts a private copy of an application into {@code target}: extracts an
     * archive, or copies a folder.
     *
     * @throws DeploymentException when the archive is not a zip or the copy fails
     */
    static void unpack(Path source, Path target) throws DeploymentException {
        try {
            Files.createDirectories(target);
            if (Files.isDirectory(source)) {
                copyTree(source, target);
            } else {
                extract(source, target);
            }
        } catch (ZipException e) {
            throw new DeploymentException(source, 0, "not a valid zip archive: " + e.getMessage());
        } catch (IOException e) {
            throw new DeploymentException(source, 0, "cannot copy into " + target + ": " + e);
        }
    }

    private static void extract(Path archive, Path target) throws IOException, DeploymentException {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                Path out = target.resolve(e.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new DeploymentException(archive, 0, "entry escapes the application folder: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    try (InputStream in = zip.getInputStream(e)) {
                        Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path out = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(out);
                } else {
                    Files.copy(p, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** Deletes a folder and everything under it; missing folders are ignored. */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * What the deployer compares between scans to notice a change: for an archive
     * its size, modification time and file key (inode); for a folder the number of
     * files, their total size and the newest modification time under
     * {@code WEB-INF}.
     *
     * @param size     total size in bytes
     * @param modified newest modification time, in nanoseconds since the epoch
     * @param files    number of files
     * @param key      the file key of an archive, or null
     */
    record Fingerprint(long size, long modified, long files, Object key) {

        /** @return the fingerprint of an application source as it is now */
        static Fingerprint of(Path source) throws IOException {
            if (!Files.isDirectory(source)) {
                BasicFileAttributes a = Files.readAttributes(source, BasicFileAttributes.class);
                return new Fingerprint(a.size(), nanos(a), 1, a.fileKey());
            }
            Path webInf = source.resolve("WEB-INF");
            if (!Files.isDirectory(webInf)) {
                return new Fingerprint(0, nanos(Files.readAttributes(source, BasicFileAttributes.class)), 0, null);
            }
            long[] acc = new long[3];
            Files.walkFileTree(webInf, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) {
                    acc[1] = Math.max(acc[1], nanos(a));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes a) {
                    acc[0] += a.size();
                    acc[1] = Math.max(acc[1], nanos(a));
                    acc[2]++;
                    return FileVisitResult.CONTINUE;
                }
            });
            return new Fingerprint(acc[0], acc[1], acc[2], null);
        }

        private static long nanos(BasicFileAttributes a) {
            return a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }
}
