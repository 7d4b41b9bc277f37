package org.olelo.container.internal.db;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data folder holds the database (every subscriber's HA1) and the database's password, so it is
 * for the user running Olelo only: created {@code rwx------}, tightened to that (one INFO line)
 * when it exists with wider rights and belongs to that user, and its database files set to
 * {@code rw-------}. On a file system without POSIX permissions nothing is changed.
 *
 * <p>Called by the starting thread (server or command line); blocks on the file system only.
 */
public final class DataFolder {

    private static final Logger LOG = LoggerFactory.getLogger(DataFolder.class);
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private DataFolder() {
    }

    /** @return whether this file system has POSIX permissions */
    static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /**
     * Creates the folder for this user only, or tightens an existing one of this user.
     *
     * @param dir the data folder
     * @throws IOException when it cannot be created
     */
    public static void prepare(Path dir) throws IOException {
        if (!posix()) {
            Files.createDirectories(dir);
            return;
        }
        if (!Files.exists(dir)) {
            Path parent = dir.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(FOLDER));
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // made by another process meanwhile: checked below like any existing folder
            }
            // the process's umask may have removed bits, never added any; set them exactly
            Files.setPosixFilePermissions(dir, FOLDER);
            return;
        }
        Set<PosixFilePermission> now = Files.getPosixFilePermissions(dir);
        if (!now.equals(FOLDER) && ours(dir)) {
            Files.setPosixFilePermissions(dir, FOLDER);
            LOG.info("Data folder {} was open to other users ({}): now {}, as it holds the database and its password",
                    dir.toAbsolutePath(), PosixFilePermissions.toString(now), PosixFilePermissions.toString(FOLDER));
        }
    }

    /**
     * Sets the files of the embedded database ({@code olelo.*}) to {@code rw-------}.
     *
     * @param dir  the data folder
     * @param base the database's base name ({@link DatabaseSettings#H2_FILE})
     */
    static void restrictDatabaseFiles(Path dir, String base) {
        if (!posix() || !Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith(base + ".")).toList()) {
                restrict(f);
            }
        } catch (IOException e) {
            LOG.warn("Cannot restrict the database files in {} to their owner: {}", dir.toAbsolutePath(), e.getMessage());
        }
    }

    /** Sets one regular file of this user to {@code rw-------}. */
    static void restrict(Path file) throws IOException {
        if (posix() && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && ours(file)
                && !Files.getPosixFilePermissions(file).equals(FILE)) {
            Files.setPosixFilePermissions(file, FILE);
        }
    }

    /** @return the permissions a file created by this class gets */
    static Set<PosixFilePermission> fileMode() {
        return FILE;
    }

    private static boolean ours(Path p) throws IOException {
        return Files.getOwner(p, LinkOption.NOFOLLOW_LINKS).getName().equals(System.getProperty("user.name"));
    }
}
