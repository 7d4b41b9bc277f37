package org.olelo.container.internal.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.container.boot.LogCapture;

/**
 * The embedded database is its owner's only: a private data folder, private database files, a
 * generated password that an empty one does not replace, in this process or through H2's
 * AUTO_SERVER socket from another one; an older database with an empty password is migrated.
 */
class DatabaseSecurityTest {

    @TempDir
    Path tmp;

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void aNewDataFolderAndItsFilesAreTheOwnersOnly() throws Exception {
        Path data = tmp.resolve("data");
        try (DatabaseService db = DatabaseService.open(DatabaseSettings.defaults(), data)) {
            assertEquals("rwx------", mode(data));
            Path secret = data.resolve(EmbeddedSecret.FILE);
            assertEquals("rw-------", mode(secret));
            assertTrue(Files.readString(secret).strip().matches("[0-9a-f]{32}"), Files.readString(secret));
            List<Path> files;
            try (var list = Files.list(data)) {
                files = list.filter(f -> f.getFileName().toString().startsWith("olelo.")).toList();
            }
            assertTrue(files.contains(data.resolve("olelo.mv.db")), files.toString());
            for (Path f : files) {
                assertEquals("rw-------", mode(f), f.toString());
            }
        }
    }

    @Test
    void userSaWithAnEmptyPasswordIsRefused() throws Exception {
        Path data = tmp.resolve("data");
        String url = DatabaseSettings.h2Url(data);
        try (DatabaseService db = DatabaseService.open(DatabaseSettings.defaults(), data)) {
            SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(url, "sa", "").close());
            assertEquals("28000", e.getSQLState(), e.getMessage());
            ChildJvm.Result other = ChildJvm.run(EmptyPasswordProbe.class, url);
            assertEquals("refused 28000", other.output().strip(), "another process, through the AUTO_SERVER socket");
        }
        assertThrows(SQLException.class, () -> DriverManager.getConnection(url, "sa", "").close(), "and on the file");
    }

    @Test
    void anExistingFolderOpenToOthersIsTightenedWithOneInfoLine() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("data"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (LogCapture log = new LogCapture(Level.INFO); DatabaseService db = DatabaseService.open(DatabaseSettings.defaults(), data)) {
            assertEquals("rwx------", mode(data));
            List<String> lines = log.containing("Data folder");
            assertEquals(1, lines.size(), log.all().toString());
            assertTrue(lines.get(0).startsWith("INFO Data folder " + data.toAbsolutePath() + " was open to other users"
                    + " (rwxr-xr-x): now rwx------"), lines.get(0));
        }
    }

    @Test
    void aDatabaseWithTheOldEmptyPasswordIsMigrated() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("data"));
        String url = DatabaseSettings.h2Url(data);
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE kept (id INT)");
            st.execute("INSERT INTO kept VALUES (7)");
        }
        try (LogCapture log = new LogCapture(Level.INFO); DatabaseService db = DatabaseService.open(DatabaseSettings.defaults(), data);
             Connection c = db.defaultPool().getConnection(); Statement st = c.createStatement()) {
            var rs = st.executeQuery("SELECT id FROM kept");
            assertTrue(rs.next());
            assertEquals(7, rs.getInt(1));
            assertEquals(1, log.containing("had an empty password").size(), log.all().toString());
        }
        assertThrows(SQLException.class, () -> DriverManager.getConnection(url, "sa", "").close());
        try (DatabaseService again = DatabaseService.open(DatabaseSettings.defaults(), data)) {
            assertTrue(again.defaultPool() != null, "the next open uses the password file");
        }
    }

    @Test
    void anExplicitPasswordIsLeftAlone() throws Exception {
        Path data = tmp.resolve("data");
        try (DatabaseService db = DatabaseService.open(new DatabaseSettings("", "sa", "chosen", 2), data)) {
            assertFalse(Files.exists(data.resolve(EmbeddedSecret.FILE)));
            DriverManager.getConnection(DatabaseSettings.h2Url(data), "sa", "chosen").close();
        }
    }

    /** Tries user sa with an empty password on a database URL; prints "refused STATE" or "opened". */
    public static final class EmptyPasswordProbe {
        public static void main(String[] args) {
            try (Connection c = DriverManager.getConnection(args[0], "sa", "")) {
                System.out.println("opened");
            } catch (SQLException e) {
                System.out.println("refused " + e.getSQLState());
            }
        }
    }
}
