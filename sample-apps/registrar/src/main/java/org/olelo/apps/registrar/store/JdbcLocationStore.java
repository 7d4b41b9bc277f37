package org.olelo.apps.registrar.store;

import org.olelo.apps.registrar.spi.Binding;
import org.olelo.apps.registrar.spi.LocationStore;
import org.olelo.apps.registrar.spi.StoreException;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code location} table as a {@link LocationStore} ({@code db.mode=db-only} uses it alone;
 * {@link CachedLocationStore} puts it behind the memory index). The table is created by the
 * application's own migration, {@code db/registrar/V1__location.sql} (see {@link SchemaMigrator}).
 *
 * <p>Every statement is a {@link PreparedStatement}: user names and URIs are bound as data, so SQL
 * metacharacters in them are stored and matched verbatim. {@link #put} deletes and re-inserts
 * the AOR's rows in one transaction, so readers see the old rows or the new ones.
 *
 * <p>Safe for concurrent use from any thread (one pooled connection per call); every method
 * blocks on the database.
 */
public final class JdbcLocationStore implements LocationStore {

    private static final String COLUMNS = "aor, contact, expires_at, q, call_id, cseq, path, received, transport, "
            + "instance, reg_id, user_agent, updated";
    private static final String SELECT_AOR = "SELECT " + COLUMNS + " FROM location WHERE aor = ? ORDER BY contact";
    private static final String SELECT_ALL = "SELECT " + COLUMNS + " FROM location ORDER BY aor, contact";
    private static final String INSERT = "INSERT INTO location (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String DELETE_AOR = "DELETE FROM location WHERE aor = ?";
    private static final String DELETE_EXPIRED = "DELETE FROM location WHERE expires_at <= ?";
    private static final String COUNT = "SELECT COUNT(*) FROM location WHERE expires_at > ?";

    private final DataSource dataSource;

    /** @param dataSource where the {@code location} table is; its schema must be migrated */
    public JdbcLocationStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public List<Binding> get(String aor) throws StoreException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(SELECT_AOR)) {
            ps.setString(1, aor);
            try (ResultSet rs = ps.executeQuery()) {
                List<Binding> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(read(rs));
                }
                return List.copyOf(out);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the bindings of " + aor + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void put(String aor, List<Binding> bindings) throws StoreException {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                replace(c, aor, bindings);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot store the bindings of " + aor + ": " + e.getMessage(), e);
        }
    }

    private static void replace(Connection c, String aor, List<Binding> bindings) throws SQLException {
        try (PreparedStatement del = c.prepareStatement(DELETE_AOR)) {
            del.setString(1, aor);
            del.executeUpdate();
        }
        if (bindings.isEmpty()) {
            return;
        }
        try (PreparedStatement ins = c.prepareStatement(INSERT)) {
            for (Binding b : bindings) {
                if (!b.aor().equals(aor)) {
                    throw new IllegalArgumentException("binding of " + b.aor() + " in the list of " + aor);
                }
                bind(ins, b);
                ins.addBatch();
            }
            ins.executeBatch();
        }
    }

    @Override
    public void remove(String aor) throws StoreException {
        put(aor, List.of());
    }

    @Override
    public int removeExpired(long now) throws StoreException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(DELETE_EXPIRED)) {
            ps.setLong(1, now);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot remove expired bindings: " + e.getMessage(), e);
        }
    }

    @Override
    public Map<String, List<Binding>> loadAll() throws StoreException {
        Map<String, List<Binding>> out = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(SELECT_ALL);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Binding b = read(rs);
                out.computeIfAbsent(b.aor(), k -> new ArrayList<>()).add(b);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot load the location table: " + e.getMessage(), e);
        }
        out.replaceAll((aor, list) -> List.copyOf(list));
        return out;
    }

    @Override
    public int count(long now) throws StoreException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(COUNT)) {
            ps.setLong(1, now);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot count bindings: " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement ps, Binding b) throws SQLException {
        ps.setString(1, b.aor());
        ps.setString(2, b.contact());
        ps.setLong(3, b.expiresAt());
        if (b.q() == Binding.NO_Q) {
            ps.setNull(4, Types.DECIMAL);
        } else {
            ps.setBigDecimal(4, BigDecimal.valueOf(b.q(), 3));
        }
        ps.setString(5, b.callId());
        ps.setLong(6, b.cseq());
        ps.setString(7, PathCodec.encode(b.path()));
        ps.setString(8, b.received());
        ps.setString(9, b.transport());
        ps.setString(10, b.instance());
        if (b.regId() == Binding.NO_REG_ID) {
            ps.setNull(11, Types.INTEGER);
        } else {
            ps.setInt(11, b.regId());
        }
        ps.setString(12, b.userAgent());
        ps.setLong(13, b.updated());
    }

    private static Binding read(ResultSet rs) throws SQLException {
        BigDecimal q = rs.getBigDecimal("q");
        int regId = rs.getInt("reg_id");
        if (rs.wasNull()) {
            regId = Binding.NO_REG_ID;
        }
        return new Binding(rs.getString("aor"), rs.getString("contact"), rs.getLong("expires_at"),
                q == null ? Binding.NO_Q : q.movePointRight(3).intValue(), rs.getString("call_id"), rs.getLong("cseq"),
                PathCodec.decode(rs.getString("path")), rs.getString("received"), rs.getString("transport"),
                rs.getString("instance"), regId, rs.getString("user_agent"), rs.getLong("updated"));
    }
}
