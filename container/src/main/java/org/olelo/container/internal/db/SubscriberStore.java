package org.olelo.container.internal.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Reads and writes the {@code subscriber} table. Every call takes a connection from the pool and
 * gives it back; each write is one auto-committed statement, durable when the call returns.
 *
 * <p>Thread-safe. The calls block on JDBC: use them from virtual threads (the application
 * session's executor) or the command line, never from a transport reader thread.
 */
public final class SubscriberStore {

    private static final String COLUMNS = "id, username, domain, ha1_md5, ha1_sha256, roles, created";

    private final DataSource ds;

    /** @param ds the pool holding the container's tables */
    public SubscriberStore(DataSource ds) {
        this.ds = ds;
    }

    /**
     * @param username the user part, case-sensitive
     * @param domain   the domain, any case
     * @return the subscriber, if there is one
     * @throws SQLException when the database fails
     */
    public Optional<Subscriber> find(String username, String domain) throws SQLException {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM subscriber"
                     + " WHERE username = ? AND domain = ?")) {
            ps.setString(1, username);
            ps.setString(2, domain.toLowerCase(Locale.ROOT));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    /**
     * @return every subscriber, ordered by domain then user name
     * @throws SQLException when the database fails
     */
    public List<Subscriber> list() throws SQLException {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM subscriber ORDER BY domain, username");
             ResultSet rs = ps.executeQuery()) {
            List<Subscriber> out = new ArrayList<>();
            while (rs.next()) {
                out.add(row(rs));
            }
            return out;
        }
    }

    /**
     * Adds a subscriber.
     *
     * @param s the subscriber; its id and creation time are ignored
     * @return false when one with the same user name and domain already exists
     * @throws SQLException when the database fails
     */
    public boolean add(Subscriber s) throws SQLException {
        if (find(s.username(), s.domain()).isPresent()) {
            return false;
        }
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO subscriber (username, domain, ha1_md5, ha1_sha256,"
                     + " roles) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, s.username());
            ps.setString(2, s.domain());
            ps.setString(3, s.ha1Md5());
            ps.setString(4, s.ha1Sha256());
            ps.setString(5, s.rolesText());
            ps.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                return false; // added concurrently: the unique constraint answered
            }
            throw e;
        }
    }

    /**
     * Replaces the HA1 values of a subscriber (a new password).
     *
     * @param username  the user part
     * @param domain    the domain
     * @param ha1Md5    the new MD5 HA1
     * @param ha1Sha256 the new SHA-256 HA1
     * @return false when there is no such subscriber
     * @throws SQLException when the database fails
     */
    public boolean updateSecrets(String username, String domain, String ha1Md5, String ha1Sha256) throws SQLException {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE subscriber SET ha1_md5 = ?, ha1_sha256 = ?"
                     + " WHERE username = ? AND domain = ?")) {
            ps.setString(1, ha1Md5);
            ps.setString(2, ha1Sha256);
            ps.setString(3, username);
            ps.setString(4, domain.toLowerCase(Locale.ROOT));
            return ps.executeUpdate() > 0;
        }
    }

    /**
     * @param username the user part
     * @param domain   the domain
     * @return false when there was no such subscriber
     * @throws SQLException when the database fails
     */
    public boolean remove(String username, String domain) throws SQLException {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM subscriber WHERE username = ? AND domain = ?")) {
            ps.setString(1, username);
            ps.setString(2, domain.toLowerCase(Locale.ROOT));
            return ps.executeUpdate() > 0;
        }
    }

    private static Subscriber row(ResultSet rs) throws SQLException {
        Timestamp created = rs.getTimestamp("created");
        return new Subscriber(rs.getLong("id"), rs.getString("username"), rs.getString("domain"),
                rs.getString("ha1_md5"), rs.getString("ha1_sha256"), Subscriber.parseRoles(rs.getString("roles")),
                created == null ? null : created.toInstant());
    }
}
