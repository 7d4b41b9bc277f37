package org.olelo.container.boot;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.olelo.container.internal.db.DatabaseException;
import org.olelo.container.internal.db.DatabaseService;
import org.olelo.container.internal.db.Subscriber;
import org.olelo.container.internal.db.SubscriberStore;
import org.olelo.container.internal.security.DigestAlgorithm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;

/**
 * {@code olelo.jar subscriber add|list|remove|passwd}: provisions the {@code subscriber} table
 * that digest authentication reads. It uses the same configuration as the server
 * ({@code --deploy-dir}, {@code --data-dir}, {@code --config}, {@code --set}, {@code OLELO_*}, the
 * configuration file) and works whether the server runs or not: with the embedded database, the
 * process that opened the file first serves it to the other ({@code AUTO_SERVER}), and a running
 * server sees a change at its next look-up.
 *
 * <p>Passwords are taken from {@code --password} (or, when the option has no value, asked for
 * twice without echo on a terminal, else read as one line of standard input; see
 * {@link PasswordInput}), never empty, turned into HA1 values at once for MD5 and SHA-256 with realm = domain, and neither
 * logged nor printed. Exit codes: 0 done, 1 not done (no such subscriber, already there, database
 * failure), 2 usage or configuration error.
 */
@Command(name = "subscriber", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Adds, lists, removes subscribers or changes their password (the users digest"
                + " authentication knows).",
        subcommands = {SubscriberCommand.Add.class, SubscriberCommand.ListAll.class, SubscriberCommand.Remove.class,
            SubscriberCommand.Passwd.class})
final class SubscriberCommand {

    /** Exit code when the command could not do what it was asked. */
    static final int NOT_DONE = 1;

    private static final Pattern ROLE = Pattern.compile("[A-Za-z0-9_.*-]+");
    private static final Pattern USER = Pattern.compile("[^\\s@:;,\"<>]+");
    private static final Pattern DOMAIN = Pattern.compile("[A-Za-z0-9_.-]+|\\[[0-9A-Fa-f:.]+]");

    @ParentCommand
    Main main;

    /** One database operation on the subscriber table. */
    @FunctionalInterface
    interface Operation {
        int run(SubscriberStore store, PrintWriter out, PrintWriter err) throws SQLException;
    }

    /** Loads the configuration, opens the database, runs the operation and closes everything. */
    int withStore(Operation op) {
        PrintWriter err = main.err();
        ServerConfig config;
        try {
            ConfigLoader.Result loaded = main.loader().load();
            config = loaded.config();
        } catch (ConfigException e) {
            err.println("olelo: configuration error: " + e.getMessage());
            return Main.CONFIG_ERROR;
        }
        try (DatabaseService db = DatabaseService.open(config.db().withPoolSize(2), config.dataDir())) {
            return op.run(new SubscriberStore(db.defaultPool()), main.out(), err);
        } catch (DatabaseException e) {
            err.println("olelo: database: " + e.getMessage());
            return NOT_DONE;
        } catch (SQLException e) {
            err.println("olelo: database: " + e.getMessage().lines().findFirst().orElse(""));
            return NOT_DONE;
        }
    }

    /** {@code user@domain} (a {@code sip:} prefix is allowed), parsed and checked. */
    record Address(String user, String domain) {

        static Address parse(String text, PrintWriter err) {
            String t = text.trim();
            if (t.regionMatches(true, 0, "sip:", 0, 4)) {
                t = t.substring(4);
            }
            int at = t.lastIndexOf('@');
            String user = at <= 0 ? "" : t.substring(0, at);
            String domain = at < 0 ? "" : t.substring(at + 1).toLowerCase(Locale.ROOT);
            if (!USER.matcher(user).matches() || !DOMAIN.matcher(domain).matches()) {
                err.println("olelo: subscriber: expected user@domain such as bob@example.com but found '" + text + "'");
                return null;
            }
            return new Address(user, domain);
        }

        @Override
        public String toString() {
            return user + "@" + domain;
        }
    }

    private static String[] ha1(Address a, char[] password) {
        String pw = new String(password);
        Arrays.fill(password, '\0');
        return new String[] {DigestAlgorithm.MD5.ha1(a.user(), a.domain(), pw),
            DigestAlgorithm.SHA_256.ha1(a.user(), a.domain(), pw)};
    }

    /** {@code subscriber add user@domain --password P [--roles a,b]}. */
    @Command(name = "add", mixinStandardHelpOptions = true, description = "Adds a subscriber.")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        SubscriberCommand parent;
        @Parameters(index = "0", paramLabel = "USER@DOMAIN", description = "the subscriber, e.g. bob@example.com")
        String address;
        @Option(names = "--password", required = true, arity = "0..1", fallbackValue = PasswordInput.ASK,
                paramLabel = "PASSWORD", description = "the password; without a value it is asked for twice without"
                        + " echo, or read as one line of standard input when that is not a terminal")
        String password;
        @Option(names = "--roles", paramLabel = "ROLE[,ROLE...]", description = "roles, comma-separated")
        String roles = "";

        @Override
        public Integer call() {
            PrintWriter err = parent.main.err();
            Address a = Address.parse(address, err);
            List<String> r = Subscriber.parseRoles(roles);
            if (a == null) {
                return Main.CONFIG_ERROR;
            }
            if (!r.stream().allMatch(x -> ROLE.matcher(x).matches())) {
                err.println("olelo: subscriber: --roles: expected names of letters, digits, '_', '.', '-' separated"
                        + " by commas but found '" + roles + "'");
                return Main.CONFIG_ERROR;
            }
            char[] pw = parent.main.passwords().obtain(password, a.toString(), err);
            if (pw == null) {
                return Main.CONFIG_ERROR;
            }
            String[] h = ha1(a, pw);
            return parent.withStore((store, out, e) -> {
                if (!store.add(new Subscriber(0, a.user(), a.domain(), h[0], h[1], r, null))) {
                    e.println("olelo: subscriber " + a + " already exists (use passwd to change the password)");
                    return NOT_DONE;
                }
                out.println("added " + a + (r.isEmpty() ? "" : " roles=" + String.join(",", r)));
                return 0;
            });
        }
    }

    /** {@code subscriber list}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists the subscribers: user@domain, roles, creation time; one per line.")
    static final class ListAll implements Callable<Integer> {
        @ParentCommand
        SubscriberCommand parent;

        @Override
        public Integer call() {
            return parent.withStore((store, out, e) -> {
                for (Subscriber s : store.list()) {
                    out.println(s.address() + " roles=" + s.rolesText() + " created=" + s.created());
                }
                return 0;
            });
        }
    }

    /** {@code subscriber remove user@domain}. */
    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Removes a subscriber.")
    static final class Remove implements Callable<Integer> {
        @ParentCommand
        SubscriberCommand parent;
        @Parameters(index = "0", paramLabel = "USER@DOMAIN", description = "the subscriber")
        String address;

        @Override
        public Integer call() {
            Address a = Address.parse(address, parent.main.err());
            if (a == null) {
                return Main.CONFIG_ERROR;
            }
            return parent.withStore((store, out, e) -> {
                if (!store.remove(a.user(), a.domain())) {
                    e.println("olelo: no subscriber " + a);
                    return NOT_DONE;
                }
                out.println("removed " + a);
                return 0;
            });
        }
    }

    /** {@code subscriber passwd user@domain --password P}. */
    @Command(name = "passwd", mixinStandardHelpOptions = true, description = "Changes a subscriber's password.")
    static final class Passwd implements Callable<Integer> {
        @ParentCommand
        SubscriberCommand parent;
        @Parameters(index = "0", paramLabel = "USER@DOMAIN", description = "the subscriber")
        String address;
        @Option(names = "--password", required = true, arity = "0..1", fallbackValue = PasswordInput.ASK,
                paramLabel = "PASSWORD", description = "the new password; without a value it is asked for twice"
                        + " without echo, or read as one line of standard input when that is not a terminal")
        String password;

        @Override
        public Integer call() {
            Address a = Address.parse(address, parent.main.err());
            if (a == null) {
                return Main.CONFIG_ERROR;
            }
            char[] pw = parent.main.passwords().obtain(password, a.toString(), parent.main.err());
            if (pw == null) {
                return Main.CONFIG_ERROR;
            }
            String[] h = ha1(a, pw);
            return parent.withStore((store, out, e) -> {
                if (!store.updateSecrets(a.user(), a.domain(), h[0], h[1])) {
                    e.println("olelo: no subscriber " + a);
                    return NOT_DONE;
                }
                out.println("password changed for " + a);
                return 0;
            });
        }
    }
}
