package org.olelo.apps.lcr.store;

import org.olelo.apps.lcr.route.Gateway;
import org.olelo.apps.lcr.route.RouteTable;
import org.olelo.apps.lcr.route.Rule;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads the rows of one {@code lcr_id} from {@code lcr_gw}, {@code lcr_rule} and
 * {@code lcr_rule_target} into a {@link RouteTable}, in one read-only transaction so that a
 * table is never half old, half new. A row that cannot be used (a bad regular expression, a
 * gateway without an address, a target naming a gateway of another {@code lcr_id} or none) fails
 * the whole load with a message naming the row: the previous table then stays in use.
 *
 * <p>Runs on the deployer thread or the thread of a management command; blocks on the database.
 */
public final class LcrTables {

    private static final String GATEWAYS = "SELECT id, gw_name, ip_addr, hostname, port, params, uri_scheme, transport,"
            + " strip, prefix, tag, flags, defunct FROM lcr_gw WHERE lcr_id = ? ORDER BY id";
    private static final String RULES = "SELECT id, prefix, from_uri, request_uri, stopper, enabled FROM lcr_rule"
            + " WHERE lcr_id = ? ORDER BY id";
    private static final String TARGETS = "SELECT rule_id, gw_id, priority, weight FROM lcr_rule_target"
            + " WHERE lcr_id = ? ORDER BY id";

    private final DataSource dataSource;
    private final int lcrId;

    /**
     * @param dataSource the database with the tables
     * @param lcrId      the routing instance whose rows are read
     */
    public LcrTables(DataSource dataSource, int lcrId) {
        this.dataSource = dataSource;
        this.lcrId = lcrId;
    }

    /**
     * @return the rows of the {@code lcr_id}, checked
     * @throws LoadException when the database fails or a row cannot be used
     */
    public RouteTable load() throws LoadException {
        try (Connection c = dataSource.getConnection()) {
            c.setReadOnly(true);
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                Map<Integer, Gateway> gateways = gateways(c);
                Map<Integer, List<Rule.Target>> targets = targets(c, gateways);
                List<Rule> rules = rules(c, targets);
                c.commit();
                return new RouteTable(gateways.values(), rules);
            } finally {
                c.setAutoCommit(auto);
                c.setReadOnly(false);
            }
        } catch (SQLException e) {
            throw new LoadException("reading the lcr tables failed: " + e.getMessage(), e);
        }
    }

    private Map<Integer, Gateway> gateways(Connection c) throws SQLException, LoadException {
        Map<Integer, Gateway> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(GATEWAYS)) {
            ps.setInt(1, lcrId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Gateway g = new Gateway(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getInt(5), rs.getString(6), rs.getInt(7) == 2, rs.getInt(8), rs.getInt(9),
                            rs.getString(10), rs.getString(11), rs.getInt(12), rs.getLong(13));
                    if (g.host() == null) {
                        throw new LoadException("lcr_gw id " + g.id() + " has neither ip_addr nor hostname", null);
                    }
                    out.put(g.id(), g);
                }
            }
        }
        return out;
    }

    private Map<Integer, List<Rule.Target>> targets(Connection c, Map<Integer, Gateway> gateways)
            throws SQLException, LoadException {
        Map<Integer, List<Rule.Target>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(TARGETS)) {
            ps.setInt(1, lcrId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int ruleId = rs.getInt(1);
                    Gateway g = gateways.get(rs.getInt(2));
                    if (g == null) {
                        throw new LoadException("lcr_rule_target of rule " + ruleId + " names gateway " + rs.getInt(2)
                                + ", which is not in lcr_gw with lcr_id " + lcrId, null);
                    }
                    out.computeIfAbsent(ruleId, k -> new ArrayList<>())
                            .add(new Rule.Target(g, rs.getInt(3), rs.getInt(4)));
                }
            }
        }
        return out;
    }

    private List<Rule> rules(Connection c, Map<Integer, List<Rule.Target>> targets) throws SQLException, LoadException {
        List<Rule> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(RULES)) {
            ps.setInt(1, lcrId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int id = rs.getInt(1);
                    out.add(new Rule(id, rs.getString(2), regex(id, "from_uri", rs.getString(3)),
                            regex(id, "request_uri", rs.getString(4)), rs.getInt(5) != 0, rs.getInt(6) != 0,
                            targets.getOrDefault(id, List.of())));
                }
            }
        }
        return out;
    }

    private static Pattern regex(int ruleId, String column, String value) throws LoadException {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Pattern.compile(value);
        } catch (PatternSyntaxException e) {
            throw new LoadException("lcr_rule id " + ruleId + ": " + column + " is no regular expression: "
                    + e.getDescription(), e);
        }
    }
}
