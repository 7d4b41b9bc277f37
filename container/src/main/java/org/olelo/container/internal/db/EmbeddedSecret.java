package org.olelo.container.internal.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The password of the embedded H2 database when none is configured: 128 random bits, kept in
 * {@value #FILE} in the data folder ({@code rw-------}), made on first use by whichever process
 * (server or command line) comes first and read by the others. Without it any local user could
 * open the database through H2's {@code AUTO_SERVER} socket as {@code sa} with an empty password.
 * A database made before (empty password) is given the generated one on its next open.
 *
 * <p>Called on the thread that opens the database; blocks on the file system and on H2.
 */
final class EmbeddedSecret {

    /** The file, in the data folder, that holds the password. */
    static final String FILE = "database.secret";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSecret.class);
    private static final Pattern SECRET = Pattern.compile("[0-9a-f]{32,128}");
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** SQL state of H2's "Wrong user name or password". */
    private static final String WRONG_PASSWORD = "28000";

    private EmbeddedSecret() {
    }

    /**
     * @param dataDir the data folder (already prepared by {@link DataFolder#prepare})
     * @return the password in {@value #FILE}, made first when the file does not exist
     * @throws DatabaseException when the file cannot be read or made, or holds no password
     */
    static String readOrCreate(Path dataDir) throws DatabaseException {
        Path file = dataDir.resolve(FILE);
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            DataFolder.restrict(file);
            String s = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (!SECRET.matcher(s).matches()) {
                throw new DatabaseException("data.dir", file.toAbsolutePath() + " does not hold the database password"
                        + " (expected one line of hexadecimal digits): restore it from a backup", null);
            }
            return s;
        } catch (IOException e) {
            throw new DatabaseException("data.dir", "cannot read or make the database password file "
                    + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /** Writes a new password next to the file, then links it in place: no process ever reads half of one. */
    private static void create(Path file) throws IOException {
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        Path tmp = file.resolveSibling(FILE + "." + ProcessHandle.current().pid() + ".tmp");
        Files.deleteIfExists(tmp);
        if (DataFolder.posix()) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(DataFolder.fileMode()));
        }
        Files.writeString(tmp, HexFormat.of().formatHex(random) + "\n", StandardCharsets.US_ASCII);
        try {
            Files.createLink(file, tmp);
            LOG.info("Database password generated in {} (readable by this user only)", file.toAbsolutePath());
        } catch (FileAlreadyExistsException e) {
            // another process made it first: use theirs
        } catch (UnsupportedOperationException e) {
            Files.move(tmp, file);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Connects with the password; a database that still has an empty one (made by an earlier
     * version) is given the password first. The caller closes the connection once its pool runs,
     * so the embedded database is not closed and opened again in between.
     *
     * @param url    the JDBC URL of the embedded database
     * @param user   the database user
     * @param secret the password from {@link #readOrCreate}
     * @param file   the password file, for messages
     * @param shown  the URL without options, for messages
     * @return an open connection
     * @throws DatabaseException when neither the password nor an empty one opens the database
     */
    static Connection connect(String url, String user, String secret, Path file, String shown) throws DatabaseException {
        try {
            return DriverManager.getConnection(url, user, secret);
        } catch (SQLException e) {
            if (!WRONG_PASSWORD.equals(e.getSQLState())) {
                throw new DatabaseException("data.dir", "cannot open " + shown + ": " + firstLine(e), e);
            }
            Connection c = migrate(url, user, secret, file, shown);
            if (c == null) {
                throw new DatabaseException("data.dir", "cannot open " + shown + " as user '" + user
                        + "' with the password in " + file.toAbsolutePath() + ": " + firstLine(e), e);
            }
            return c;
        }
    }

    /** Opens with an empty password and sets the generated one; null when the empty one is refused too. */
    private static Connection migrate(String url, String user, String secret, Path file, String shown)
            throws DatabaseException {
        Connection c;
        try {
            c = DriverManager.getConnection(url, user, "");
        } catch (SQLException e) {
            return null;
        }
        String name = PLAIN_NAME.matcher(user).matches() ? user : "\"" + user.replace("\"", "\"\"") + "\"";
        try (Statement st = c.createStatement()) {
            st.execute("ALTER USER " + name + " SET PASSWORD '" + secret + "'");
        } catch (SQLException e) {
            close(c);
            throw new DatabaseException("data.dir", "cannot set the password of user '" + user + "' in " + shown + ": "
                    + firstLine(e), e);
        }
        LOG.info("Database {}: user '{}' had an empty password; it now has the one in {}", shown, user,
                file.toAbsolutePath());
        return c;
    }

    /** Closes a connection, ignoring a failure to. */
    static void close(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // closing anyway
        }
    }

    private static String firstLine(SQLException e) {
        String m = String.valueOf(e.getMessage());
        return m.lines().findFirst().orElse(m);
    }
}
