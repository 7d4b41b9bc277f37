package org.olelo.container.internal.db;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * What an application gets as its {@link DataSource}: connections from a shared pool, and nothing
 * else. The pool itself stays out of reach: {@link #unwrap} does not expose it, and the settings
 * of the pool (log writer, login timeout) cannot be changed from here, since every application
 * shares them.
 *
 * <p>Thread-safe; {@link #getConnection()} blocks until the pool lends a connection (at most the
 * pool's connection timeout, then {@link SQLException}).
 */
public final class AppDataSource implements DataSource {

    private final String appName;
    private final DataSource pool;

    /**
     * @param appName the application it is given to (for diagnostics)
     * @param pool    the shared pool
     */
    public AppDataSource(String appName, DataSource pool) {
        this.appName = appName;
        this.pool = pool;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return pool.getConnection();
    }

    /** Not supported: the pool's credentials come from the {@code db.*} configuration. */
    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the container's pool has fixed credentials (db.user, db.password)");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    /** Not supported: the pool is shared. */
    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        throw new SQLFeatureNotSupportedException("the container's pool is shared and cannot be reconfigured");
    }

    /** Not supported: the pool is shared. */
    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        throw new SQLFeatureNotSupportedException("the container's pool is shared and cannot be reconfigured");
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("the container's DataSource wraps nothing an application may use as " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }

    @Override
    public String toString() {
        return "DataSource[" + DatabaseService.DEFAULT_POOL + " for " + appName + "]";
    }
}
