package org.olelo.container.internal.rpc;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.olelo.api.rpc.RpcCommand;
import org.olelo.api.rpc.RpcException;
import org.olelo.api.rpc.RpcParams;
import org.olelo.container.internal.db.Subscriber;
import org.olelo.container.internal.db.SubscriberStore;
import org.olelo.container.internal.security.DigestAlgorithm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code subscriber.list}, {@code .add}, {@code .passwd}, {@code .rm}: the container's
 * {@code subscriber} table, as {@code olelo subscriber} provisions it (HA1 values for MD5 and
 * SHA-256 with realm = domain). Passwords and HA1 values are never returned nor logged. Blocks on
 * JDBC (HTTP worker thread).
 */
public final class SubscriberCommands {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriberCommands.class);
    private static final Pattern USER = Pattern.compile("[^\\s@:;,\"<>]{1,64}");
    private static final Pattern DOMAIN = Pattern.compile("[A-Za-z0-9_.-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}]");
    private static final Pattern ROLE = Pattern.compile("[A-Za-z0-9_.*-]+");

    private SubscriberCommands() {
    }

    /**
     * @param store the subscriber table
     * @return the four commands
     */
    public static List<RpcCommand> commands(SubscriberStore store) {
        return List.of(
                new RpcCommand("subscriber.list", List.of(), "the subscribers: user, domain, roles, created",
                        p -> Map.of("subscribers", db(() -> store.list().stream().map(SubscriberCommands::row).toList()))),
                new RpcCommand("subscriber.add", List.of("user", "domain", "password", "roles"),
                        "adds a subscriber (roles: optional, comma-separated)", p -> add(store, p)),
                new RpcCommand("subscriber.passwd", List.of("user", "domain", "password"),
                        "changes a subscriber's password", p -> {
                            String user = user(p);
                            String domain = domain(p);
                            String[] h = ha1(user, domain, password(p));
                            if (!db(() -> store.updateSecrets(user, domain, h[0], h[1]))) {
                                throw new RpcException(RpcException.NOT_FOUND, "no subscriber " + user + "@" + domain);
                            }
                            return Map.of("changed", user + "@" + domain);
                        }),
                new RpcCommand("subscriber.rm", List.of("user", "domain"), "removes a subscriber", p -> {
                    String user = user(p);
                    String domain = domain(p);
                    if (!db(() -> store.remove(user, domain))) {
                        throw new RpcException(RpcException.NOT_FOUND, "no subscriber " + user + "@" + domain);
                    }
                    return Map.of("removed", user + "@" + domain);
                }));
    }

    private static Object add(SubscriberStore store, RpcParams p) throws RpcException {
        String user = user(p);
        String domain = domain(p);
        String[] h = ha1(user, domain, password(p));
        List<String> roles = Subscriber.parseRoles(p.optionalText("roles").orElse(""));
        if (!roles.stream().allMatch(r -> ROLE.matcher(r).matches())) {
            throw new RpcException(RpcException.INVALID_PARAMS, "parameter 'roles' must be names of letters, digits,"
                    + " '_', '.', '-' separated by commas");
        }
        if (!db(() -> store.add(new Subscriber(0, user, domain, h[0], h[1], roles, null)))) {
            throw new RpcException(RpcException.REFUSED, "subscriber " + user + "@" + domain
                    + " already exists (subscriber.passwd changes the password)");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("added", user + "@" + domain);
        m.put("roles", roles);
        return m;
    }

    private static Map<String, Object> row(Subscriber s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("user", s.username());
        m.put("domain", s.domain());
        m.put("roles", s.roles());
        m.put("created", s.created() == null ? null : s.created().toString());
        return m;
    }

    private static String user(RpcParams p) throws RpcException {
        String u = p.text("user").trim();
        if (!USER.matcher(u).matches()) {
            throw new RpcException(RpcException.INVALID_PARAMS, "parameter 'user' must be a user name such as alice");
        }
        return u;
    }

    private static String domain(RpcParams p) throws RpcException {
        String d = p.text("domain").trim().toLowerCase(java.util.Locale.ROOT);
        if (!DOMAIN.matcher(d).matches()) {
            throw new RpcException(RpcException.INVALID_PARAMS, "parameter 'domain' must be a domain such as example.com");
        }
        return d;
    }

    private static String password(RpcParams p) throws RpcException {
        String pw = p.text("password");
        if (pw.isEmpty() || pw.length() > 256) {
            throw new RpcException(RpcException.INVALID_PARAMS, "parameter 'password' must hold 1 to 256 characters");
        }
        return pw;
    }

    private static String[] ha1(String user, String domain, String password) {
        return new String[] {DigestAlgorithm.MD5.ha1(user, domain, password),
            DigestAlgorithm.SHA_256.ha1(user, domain, password)};
    }

    /** A database call. */
    private interface Sql<T> {
        T run() throws SQLException;
    }

    private static <T> T db(Sql<T> call) throws RpcException {
        try {
            return call.run();
        } catch (SQLException e) {
            LOG.warn("subscriber command: database failure: {}", e.getMessage().lines().findFirst().orElse(""));
            throw new RpcException(RpcException.FAILED, "database failure (see the server log)");
        }
    }
}
