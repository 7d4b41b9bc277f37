package org.olelo.apps.presence.service;

import org.h2.jdbcx.JdbcDataSource;
import org.olelo.apps.presence.store.JdbcPresenceStore;
import org.olelo.apps.presence.store.SchemaMigrator;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Test support: a service over an H2 file in {@code dir}, local domain example.com; restartable. */
final class ServiceFixture {

    static final String ALICE = "sip:alice@example.com";
    static final long NOW = 1_800_000_000_000L;

    final DataSource dataSource;
    final List<String> errors = new ArrayList<>();
    PresenceStatistics stats = new PresenceStatistics();
    PresenceStore store;
    PresenceService service;
    private int ids;

    ServiceFixture(Path dir, Policy policy) throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("presence").toAbsolutePath().toString().replace('\\', '/'));
        ds.setUser("sa");
        dataSource = ds;
        SchemaMigrator.migrate(ds, getClass().getClassLoader());
        start(new JdbcPresenceStore(ds), policy);
    }

    /** A new service on the same database, as after a restart; @return how many rows it loaded. */
    int start(PresenceStore s, Policy policy) throws Exception {
        return start(s, policy, stats, 1000);
    }

    /** As {@link #start(PresenceStore, Policy)}, with these statistics and at most {@code maxSubscriptions}. */
    int start(PresenceStore s, Policy policy, PresenceStatistics statistics, int maxSubscriptions) throws Exception {
        store = s;
        stats = statistics;
        service = new PresenceService(s, new PresenceService.Rules(new Expiry(3600, 60, 7200), new Expiry(3600, 60, 86400),
                policy, Set.of("example.com")::contains, 3, maxSubscriptions), stats, (m, e) -> errors.add(m));
        return service.load(NOW);
    }

    static String pidf(String tuple, String basic) {
        return "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"" + ALICE + "\"><tuple id=\"" + tuple
                + "\"><status><basic>" + basic + "</basic></status></tuple></presence>";
    }

    /** Publishes, then sends the NOTIFYs of the change, as the servlet does. */
    Accepted publish(String user, String ifMatch, String expires, String body) throws Rejection {
        Accepted ok = service.publish(new PublishRequest(ALICE, "alice", user, "presence", ifMatch, expires,
                body == null ? null : "application/pidf+xml",
                body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8), "192.0.2.1:5060"), NOW);
        service.afterPublish(ALICE, NOW);
        return ok;
    }

    SubscribeRequest subscribe(String watcherUser, String watcherHost, String event, String expires) {
        return new SubscribeRequest("s" + (++ids), ALICE, "alice", "sip:" + watcherUser + "@" + watcherHost, watcherHost,
                watcherUser + "@" + watcherHost, event, expires, "call-" + ids, List.of());
    }

    /** Subscribes, then sends the NOTIFY that follows the answer, as the servlet does. */
    Accepted watch(SubscribeRequest r, RecordingChannel c) throws Rejection {
        Accepted ok = service.subscribe(r, c, NOW);
        service.afterAnswer(ok.subscription(), NOW);
        return ok;
    }

    void rejected(int status, ThrowingCall call) {
        Rejection r = assertThrows(Rejection.class, call::run);
        assertEquals(status, r.status(), r.reason());
    }

    @FunctionalInterface
    interface ThrowingCall {
        void run() throws Exception;
    }
}
