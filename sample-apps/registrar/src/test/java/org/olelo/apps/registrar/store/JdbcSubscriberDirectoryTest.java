package org.olelo.apps.registrar.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JdbcSubscriberDirectoryTest {

    @TempDir
    Path dir;

    @Test
    void withoutTheTableTheDirectoryCannotTell() {
        DataSource ds = H2Files.dataSource(dir);
        assertEquals(Optional.empty(), new JdbcSubscriberDirectory(ds).isSubscriber("alice", "example.com"));
    }

    @Test
    void provisionedUsersAreFoundByExactUserAndCaseFreeDomain() throws Exception {
        DataSource ds = H2Files.dataSource(dir);
        H2Files.sql(ds, "CREATE TABLE subscriber (username VARCHAR(64) NOT NULL, domain VARCHAR(64) NOT NULL)");
        H2Files.sql(ds, "INSERT INTO subscriber VALUES ('alice', 'Example.COM'), ('o''brien%', 'example.com')");
        JdbcSubscriberDirectory dir = new JdbcSubscriberDirectory(ds);
        assertEquals(Optional.of(true), dir.isSubscriber("alice", "example.com"));
        assertEquals(Optional.of(false), dir.isSubscriber("Alice", "example.com"));
        assertEquals(Optional.of(true), dir.isSubscriber("o'brien%", "example.com"));
        assertEquals(Optional.of(false), dir.isSubscriber("o'brien", "example.com"));
        assertEquals(Optional.of(false), dir.isSubscriber("' OR '1'='1", "example.com"));
    }
}
