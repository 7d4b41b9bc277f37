package org.olelo.apps.registrar;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.apps.registrar.service.Aor;
import org.olelo.apps.registrar.service.ContactSpec;
import org.olelo.apps.registrar.service.LookupResult;
import org.olelo.apps.registrar.service.RegisterRequest;
import org.olelo.apps.registrar.service.RegisterResult;
import org.olelo.apps.registrar.store.DbMode;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The wiring of the application over a real database, as the listener starts it. */
class RegistrarRuntimeTest {

    @TempDir
    Path dir;
    private final List<String> errors = new CopyOnWriteArrayList<>();

    private DataSource h2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("olelo").toAbsolutePath().toString().replace('\\', '/'));
        ds.setUser("sa");
        return ds;
    }

    private RegistrarRuntime start(DbMode mode, DataSource ds) throws Exception {
        RegistrarConfig d = RegistrarConfig.defaults();
        RegistrarConfig c = new RegistrarConfig(mode, d.flushInterval(), d.cleanupInterval(), d.defaultExpires(),
                d.minExpires(), d.maxExpires(), d.maxContacts(), d.forkMode(), List.of("example.com"), d.pathMode(),
                d.revealOffline());
        return RegistrarRuntime.start(c, ds, getClass().getClassLoader(), () -> List.of("192.0.2.1"),
                (msg, e) -> errors.add(msg));
    }

    private static RegisterRequest register(String host, String contact, String expires) {
        return new RegisterRequest(host, "sip", "alice", host, null, false,
                List.of(ContactSpec.of(contact).withExpires(expires)), null, "c@ua", 1, List.of(), false,
                new RegisterRequest.Source("192.0.2.50", 5060, "UDP"), null);
    }

    @Test
    void writeThroughBindingsSurviveARestartOfTheApplication() throws Exception {
        long now = System.currentTimeMillis();
        try (RegistrarRuntime r = start(DbMode.WRITE_THROUGH, h2())) {
            assertInstanceOf(RegisterResult.Accepted.class,
                    r.registrar().register(register("example.com", "sip:alice@192.0.2.50", "600"), now));
            assertInstanceOf(RegisterResult.Accepted.class,
                    r.registrar().register(register("192.0.2.1", "sip:alice@192.0.2.50", "600"), now),
                    "the listening-point host is a local domain");
        }
        try (RegistrarRuntime again = start(DbMode.WRITE_THROUGH, h2())) {
            assertEquals(2, again.loadedAtStart());
            LookupResult found = again.location().lookup(Aor.of("sip", "alice", "example.com"), now);
            assertEquals("sip:alice@192.0.2.50",
                    assertInstanceOf(LookupResult.Found.class, found).targets().get(0).uri());
            assertEquals(2, again.statistics().snapshot().get("registered_contacts"));
        }
    }

    @Test
    void theCleanupRemovesExpiredBindingsAndCountsThem() throws Exception {
        long past = System.currentTimeMillis() - 700_000;
        try (RegistrarRuntime r = start(DbMode.WRITE_THROUGH, h2())) {
            r.registrar().register(register("example.com", "sip:alice@192.0.2.50", "600"), past);
            r.cleanup();
            assertEquals(1, r.statistics().expiredContacts());
            assertEquals(0, r.statistics().registeredContacts());
            assertInstanceOf(LookupResult.Unavailable.class,
                    r.location().lookup(Aor.of("sip", "alice", "example.com"), System.currentTimeMillis()));
        }
        try (RegistrarRuntime again = start(DbMode.WRITE_THROUGH, h2())) {
            assertEquals(0, again.loadedAtStart(), "removed from the database too");
        }
        assertEquals(List.of(), errors);
    }

    @Test
    void memoryModeRunsWithoutADatabaseButTheOthersRefuseToStart() throws Exception {
        try (RegistrarRuntime r = start(DbMode.MEMORY, null)) {
            assertInstanceOf(RegisterResult.Accepted.class, r.registrar().register(register("example.com",
                    "sip:alice@192.0.2.50", "600"), System.currentTimeMillis()));
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> start(DbMode.WRITE_THROUGH, null));
        assertTrue(e.getMessage().contains("db.mode=write-through needs the container's DataSource"), e.getMessage());
    }
}
