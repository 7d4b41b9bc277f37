package org.olelo.apps.registrar.store;

import org.olelo.apps.registrar.spi.SubscriberDirectory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Reads the container's {@code subscriber} table (columns {@code username} and {@code domain},
 * as Kamailio's) through the shared DataSource. The table belongs to the container and may be
 * missing (authentication not set up): then every answer is empty, which the location service
 * takes as "cannot tell". The query runs each time, so a table created later is seen.
 *
 * <p>Safe for concurrent use from any thread; blocks on the database.
 */
public final class JdbcSubscriberDirectory implements SubscriberDirectory {

    private static final String QUERY = "SELECT 1 FROM subscriber WHERE username = ? AND LOWER(domain) = ?";

    private final DataSource dataSource;

    /** @param dataSource the container's database */
    public JdbcSubscriberDirectory(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<Boolean> isSubscriber(String user, String domain) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(QUERY)) {
            ps.setString(1, user);
            ps.setString(2, domain);
            try (ResultSet rs = ps.executeQuery()) {
                return Optional.of(rs.next());
            }
        } catch (SQLException e) {
            return Optional.empty();
        }
    }
}
