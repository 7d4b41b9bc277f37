package org.olelo.container.internal.db;

import java.nio.file.Path;

/**
 * Where the container's database is and how large its pool is; the {@code db.*} configuration
 * keys.
 *
 * <p>Immutable value; any thread. {@link #toString()} never shows the password.
 *
 * @param url      a JDBC URL, or empty for the embedded H2 database {@code <data dir>/olelo}
 *                 (see {@link #h2Url(Path)})
 * @param user     the database user
 * @param password the database password, possibly empty
 * @param poolSize the largest number of connections the default pool holds
 */
public record DatabaseSettings(String url, String user, String password, int poolSize) {

    /** Base name of the embedded database's file inside the data folder ({@code olelo.mv.db}). */
    public static final String H2_FILE = "olelo";

    /**
     * The options of the embedded H2 URL, and why:
     * <ul>
     * <li>{@code AUTO_SERVER=TRUE}: the first process that opens the file serves it to the others
     *     over a TCP socket (bound to the loopback address, see {@link DatabaseService}); this lets
     *     {@code olelo.jar subscriber ...} work on the database of a running server, and a
     *     running server see what the command wrote, without a restart;</li>
     * <li>{@code WRITE_DELAY=0}: every commit is written to the file before the commit returns,
     *     so data acknowledged to a client (a 200 to REGISTER) survives a killed process
     *     ({@code kill -9}); H2's default keeps commits in memory for up to half a second.
     *     H2 does not force the disk cache on each commit: surviving a power loss is up to the
     *     operating system;</li>
     * <li>{@code LOCK_TIMEOUT=10000}: concurrent writers of the same rows wait up to 10 s instead
     *     of H2's 1 s before failing (H2 2.x always uses multi-version concurrency, so readers do
     *     not wait for writers).</li>
     * </ul>
     * {@code DB_CLOSE_DELAY} is left at its default: the database closes when the pool closes
     * its last connection. {@code DB_CLOSE_ON_EXIT} stays at its default too (H2 refuses
     * {@code FALSE} together with {@code AUTO_SERVER}): at JVM exit H2's own hook may close the
     * database before the server's pool does; what was committed is already on file.
     */
    public static final String H2_OPTIONS = ";AUTO_SERVER=TRUE;WRITE_DELAY=0;LOCK_TIMEOUT=10000";

    /** Trims the URL and user; null strings become empty. */
    public DatabaseSettings {
        url = url == null ? "" : url.trim();
        user = user == null ? "" : user.trim();
        password = password == null ? "" : password;
        if (poolSize < 1) {
            throw new IllegalArgumentException("db.pool.size must be at least 1 but was " + poolSize);
        }
    }

    /**
     * @return the embedded H2 database, user {@code sa}, no password configured (the embedded
     *         database then uses the one generated in the data folder), at most 10 connections
     */
    public static DatabaseSettings defaults() {
        return new DatabaseSettings("", "sa", "", 10);
    }

    /** @return true when no URL is configured and the embedded H2 database is used */
    public boolean embedded() {
        return url.isEmpty();
    }

    /**
     * @param dataDir the data folder
     * @return the JDBC URL to connect to: {@link #url()}, or the embedded H2 file in {@code dataDir}
     */
    public String jdbcUrl(Path dataDir) {
        return embedded() ? h2Url(dataDir) : url;
    }

    /**
     * @param dataDir the data folder
     * @return {@code jdbc:h2:file:<absolute data dir>/olelo} with {@link #H2_OPTIONS}
     * @throws IllegalArgumentException when the folder's path contains a {@code ;}, which H2 would
     *                                  read as the start of the options
     */
    public static String h2Url(Path dataDir) {
        String path = dataDir.toAbsolutePath().normalize().resolve(H2_FILE).toString().replace('\\', '/');
        if (path.indexOf(';') >= 0) {
            throw new IllegalArgumentException("data.dir: the embedded database cannot live in a folder whose path"
                    + " contains ';' but found " + path);
        }
        return "jdbc:h2:file:" + path + H2_OPTIONS;
    }

    /**
     * @param dataDir the data folder
     * @return the JDBC URL without its options and query ({@code ;...}, {@code ?...}), which may
     *         carry credentials: for logs and messages
     */
    public String shownUrl(Path dataDir) {
        String u = jdbcUrl(dataDir);
        int cut = u.length();
        for (char c : new char[] {';', '?'}) {
            int i = u.indexOf(c);
            if (i >= 0 && i < cut) {
                cut = i;
            }
        }
        return u.substring(0, cut);
    }

    /** @return a copy with another pool size */
    public DatabaseSettings withPoolSize(int size) {
        return new DatabaseSettings(url, user, password, size);
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + (embedded() ? "(embedded H2)" : shownUrl(Path.of(""))) + ", user=" + user + ", password="
                + (password.isEmpty() ? "(none)" : "(set)") + ", poolSize=" + poolSize + "]";
    }
}
