package org.olelo.apps.presence.store;

import org.olelo.apps.presence.service.PresenceStore;
import org.olelo.apps.presence.service.Publication;
import org.olelo.apps.presence.service.Status;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The presence tables as a {@link PresenceStore}; they are created by the application's own
 * migration ({@code db/presence/V1__presence.sql}, see {@link SchemaMigrator}). Every statement is
 * prepared (URIs and bodies are bound as data) and every write is committed before the method
 * returns; a replacement (delete then insert) is one transaction.
 *
 * <p>Safe for concurrent use from any thread (one pooled connection per call); every method blocks
 * on the database.
 */
public final class JdbcPresenceStore implements PresenceStore {

    private static final String PUB_COLUMNS = "aor, etag, event, expires_at, received_at, sender, body";
    private static final String SUB_COLUMNS = "id, presentity, watcher, event, call_id, status, expires_at, created_at";

    private final DataSource dataSource;

    /** @param dataSource where the tables are; its schema must be migrated */
    public JdbcPresenceStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T tx(String what, Work<T> w) throws StoreException {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T t = w.run(c);
                c.commit();
                return t;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot " + what + ": " + e.getMessage(), e);
        }
    }

    private static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        }
    }

    @FunctionalInterface
    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** The rows of a query whose one parameter is {@code now}. */
    private <T> List<T> rows(String what, String sql, long now, Row<T> row) throws StoreException {
        return tx(what, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, now);
                List<T> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(row.read(rs));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public List<Publication> publications(long now) throws StoreException {
        return rows("read the publications", "SELECT " + PUB_COLUMNS
                + " FROM presentity WHERE expires_at > ? ORDER BY received_at, etag", now,
                rs -> new Publication(rs.getString(1), rs.getString(2), rs.getLong(4), rs.getLong(5), rs.getString(6),
                        rs.getString(7), null));
    }

    @Override
    public void putPublication(Publication p, String oldEtag) throws StoreException {
        tx("store a publication of " + p.aor(), c -> {
            if (oldEtag != null) {
                update(c, "DELETE FROM presentity WHERE aor = ? AND etag = ?", p.aor(), oldEtag);
            }
            return update(c, "INSERT INTO presentity (" + PUB_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)", p.aor(),
                    p.etag(), "presence", p.expiresAt(), p.receivedAt(), p.sender(), p.body());
        });
    }

    @Override
    public void removePublication(String aor, String etag) throws StoreException {
        tx("remove a publication of " + aor, c -> update(c, "DELETE FROM presentity WHERE aor = ? AND etag = ?", aor, etag));
    }

    @Override
    public int removeExpiredPublications(long now) throws StoreException {
        return tx("remove expired publications", c -> update(c, "DELETE FROM presentity WHERE expires_at <= ?", now));
    }

    @Override
    public List<StoredSubscription> subscriptions(long now) throws StoreException {
        return rows("read the subscriptions", "SELECT " + SUB_COLUMNS
                + " FROM active_watchers WHERE expires_at > ? ORDER BY created_at, id", now,
                rs -> new StoredSubscription(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), Status.parse(rs.getString(6)), rs.getLong(7), rs.getLong(8)));
    }

    @Override
    public void putSubscription(StoredSubscription s) throws StoreException {
        tx("store the subscription of " + s.watcher(), c -> {
            update(c, "DELETE FROM active_watchers WHERE id = ?", s.id());
            return update(c, "INSERT INTO active_watchers (" + SUB_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    s.id(), s.presentity(), s.watcher(), s.event(), s.callId(), s.status().token(), s.expiresAt(),
                    s.createdAt());
        });
    }

    @Override
    public void removeSubscription(String id) throws StoreException {
        tx("remove a subscription", c -> update(c, "DELETE FROM active_watchers WHERE id = ?", id));
    }

    @Override
    public int removeExpiredSubscriptions(long now) throws StoreException {
        return tx("remove expired subscriptions", c -> update(c, "DELETE FROM active_watchers WHERE expires_at <= ?", now));
    }

    @Override
    public Status decision(String presentity, String watcher) throws StoreException {
        return tx("read a watcher decision", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT status FROM watchers WHERE presentity = ? AND watcher = ?")) {
                ps.setString(1, presentity);
                ps.setString(2, watcher);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Status.parse(rs.getString(1)) : null;
                }
            }
        });
    }

    @Override
    public void putDecision(String presentity, String watcher, Status status, long now) throws StoreException {
        tx("store a watcher decision", c -> {
            update(c, "DELETE FROM watchers WHERE presentity = ? AND watcher = ?", presentity, watcher);
            return update(c, "INSERT INTO watchers (presentity, watcher, status, updated_at) VALUES (?, ?, ?, ?)",
                    presentity, watcher, status.token(), now);
        });
    }
}
