package org.olelo.apps.registrar.msilo;

import org.olelo.apps.registrar.spi.StoreException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The table {@code silo} through JDBC: every statement prepared, values bound as data, each call
 * one auto-committed statement (or one transaction), so a message is on disk when
 * {@link #insert} returns.
 *
 * <p>Thread-safe (a connection per call from the pool); blocks on the database.
 */
public final class SiloStore {

    private static final String COLUMNS = "id, src_addr, dst_addr, inc_time, exp_time, snd_time, ctype, body, callid, attempts";

    private final DataSource dataSource;

    /** @param dataSource the container's database, migrated ({@code V2__silo.sql}) */
    public SiloStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * A message to insert with its recipient's parts.
     *
     * @param message the message (its id is ignored)
     * @param user    the recipient's user part ({@code username})
     * @param host    the recipient's domain ({@code domain})
     */
    public record Insert(StoredMessage message, String user, String host) {
    }

    /**
     * Stores messages in one transaction, each only if its recipient holds fewer than
     * {@code maxPerUser} (counting those inserted before it here); committed when this returns.
     *
     * @return for each message, in order, whether it was stored (else the recipient was full)
     * @throws StoreException when the transaction fails; then none is stored
     */
    public List<Boolean> insertAll(List<Insert> inserts, int maxPerUser) throws StoreException {
        String sql = "INSERT INTO silo (src_addr, dst_addr, username, domain, inc_time, exp_time, snd_time, ctype, body, "
                + "callid, attempts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)";
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM silo WHERE dst_addr = ?");
                 PreparedStatement ps = c.prepareStatement(sql)) {
                List<Boolean> stored = new ArrayList<>(inserts.size());
                for (Insert in : inserts) {
                    StoredMessage m = in.message();
                    count.setString(1, m.aor());
                    int n;
                    try (ResultSet rs = count.executeQuery()) {
                        rs.next();
                        n = rs.getInt(1);
                    }
                    if (n >= maxPerUser) {
                        stored.add(false);
                        continue;
                    }
                    ps.setString(1, m.from());
                    ps.setString(2, m.aor());
                    ps.setString(3, in.user());
                    ps.setString(4, in.host());
                    ps.setLong(5, m.incTime());
                    ps.setLong(6, m.expTime());
                    ps.setLong(7, m.nextTry());
                    ps.setString(8, m.contentType());
                    ps.setBytes(9, m.body());
                    ps.setString(10, m.callId());
                    ps.executeUpdate();
                    stored.add(true);
                }
                c.commit();
                return stored;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new StoreException("storing " + inserts.size() + " message(s) failed: " + e.getMessage(), e);
        }
    }

    /** @return how many messages are kept in all */
    public long countAll() throws StoreException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM silo");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new StoreException("counting the stored messages failed: " + e.getMessage(), e);
        }
    }

    /**
     * @param aor   the recipient
     * @param now   epoch seconds; expired messages are left out
     * @param limit the most to return
     * @return the AOR's unexpired messages, oldest first
     */
    public List<StoredMessage> pending(String aor, long now, int limit) throws StoreException {
        String sql = "SELECT " + COLUMNS + " FROM silo WHERE dst_addr = ? AND exp_time > ? ORDER BY id FETCH FIRST "
                + limit + " ROWS ONLY";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, aor);
            ps.setLong(2, now);
            return read(ps);
        } catch (SQLException e) {
            throw new StoreException("reading the messages of " + aor + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * The messages for {@code msilo.dump}, by recipient and age.
     *
     * @param aor   one recipient, or null for all
     * @param limit the most to return
     */
    public List<StoredMessage> list(String aor, int limit) throws StoreException {
        String sql = "SELECT " + COLUMNS + " FROM silo" + (aor == null ? "" : " WHERE dst_addr = ?")
                + " ORDER BY dst_addr, id FETCH FIRST " + limit + " ROWS ONLY";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (aor != null) {
                ps.setString(1, aor);
            }
            return read(ps);
        } catch (SQLException e) {
            throw new StoreException("listing the stored messages failed: " + e.getMessage(), e);
        }
    }

    /** Removes a delivered message; returns whether it was there. */
    public boolean delete(long id) throws StoreException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM silo WHERE id = ?")) {
            ps.setLong(1, id);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException("removing delivered message " + id + " failed: " + e.getMessage(), e);
        }
    }

    /** Records a failed delivery: one attempt more, not retried by the sweep before {@code nextTry}. */
    public void failed(long id, long nextTry) throws StoreException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE silo SET attempts = attempts + 1, snd_time = ? WHERE id = ?")) {
            ps.setLong(1, nextTry);
            ps.setLong(2, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("recording the failed delivery of message " + id + " failed: " + e.getMessage(), e);
        }
    }

    /** Removes the messages whose expiry has passed; returns how many. */
    public int removeExpired(long now) throws StoreException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM silo WHERE exp_time <= ?")) {
            ps.setLong(1, now);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("removing expired messages failed: " + e.getMessage(), e);
        }
    }

    /**
     * @param now   epoch seconds
     * @param limit the most AORs to return
     * @return the recipients whose unexpired messages are due for delivery now: none of them is
     *         in a backoff (only the oldest can be, since a failure stops the user's queue); by
     *         their oldest message
     */
    public Set<String> due(long now, int limit) throws StoreException {
        String sql = "SELECT dst_addr, MIN(id) AS first FROM silo WHERE exp_time > ? GROUP BY dst_addr "
                + "HAVING MAX(snd_time) <= ? ORDER BY first FETCH FIRST " + limit + " ROWS ONLY";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, now);
            ps.setLong(2, now);
            return firstColumn(ps);
        } catch (SQLException e) {
            throw new StoreException("finding the messages due for delivery failed: " + e.getMessage(), e);
        }
    }

    /**
     * @param now   epoch seconds
     * @param limit the most AORs to return
     * @return the recipients that have an unexpired message, whether due or in backoff
     */
    public Set<String> recipients(long now, int limit) throws StoreException {
        String sql = "SELECT DISTINCT dst_addr FROM silo WHERE exp_time > ? FETCH FIRST " + limit + " ROWS ONLY";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, now);
            return firstColumn(ps);
        } catch (SQLException e) {
            throw new StoreException("listing the recipients of stored messages failed: " + e.getMessage(), e);
        }
    }

    private static Set<String> firstColumn(PreparedStatement ps) throws SQLException {
        Set<String> aors = new LinkedHashSet<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                aors.add(rs.getString(1));
            }
        }
        return aors;
    }

    private static List<StoredMessage> read(PreparedStatement ps) throws SQLException {
        List<StoredMessage> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new StoredMessage(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getString(7), rs.getBytes(8), rs.getString(9), rs.getInt(10)));
            }
        }
        return out;
    }
}
