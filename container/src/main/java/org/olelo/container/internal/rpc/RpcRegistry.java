package org.olelo.container.internal.rpc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.olelo.api.rpc.RpcCommand;
import org.olelo.api.rpc.RpcCommands;

/**
 * Every management command of the running server by name: the container's and those of the
 * deployed applications. Names are unique across all of them. A new version of an application
 * (a redeployment) takes over the names its previous version registered; everything else that
 * asks for a taken name is refused.
 *
 * <p>Thread-safe: changes are synchronised (deployer thread, application code), look-ups are
 * lock-free (HTTP workers).
 */
public final class RpcRegistry {

    /** The owner name of the container's own commands. */
    public static final String CONTAINER = "container";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)+");

    /**
     * One registered command.
     *
     * @param owner   {@value #CONTAINER} or the application's name
     * @param version what registered it: the application version's commands object, or the registry
     *                for the container's commands
     * @param loader  the class loader to run the handler with
     * @param command the command
     */
    public record Entry(String owner, Object version, ClassLoader loader, RpcCommand command) {
    }

    private final Map<String, Entry> byName = new ConcurrentHashMap<>();

    /**
     * Adds one of the container's commands.
     *
     * @throws IllegalArgumentException when the name is malformed or taken
     */
    public void addContainer(RpcCommand command) {
        add(CONTAINER, this, RpcRegistry.class.getClassLoader(), command);
    }

    /**
     * Adds a command.
     *
     * @param owner   the application name, or {@value #CONTAINER}
     * @param version the registering version (identity)
     * @param loader  the class loader the handler runs with
     * @param command the command
     * @return what removes it again
     * @throws IllegalArgumentException when the name is malformed, or taken by the container,
     *                                  another application or this same version
     */
    public synchronized RpcCommands.Registration add(String owner, Object version, ClassLoader loader,
                                                     RpcCommand command) {
        String name = command.name();
        if (!NAME.matcher(name).matches() || name.length() > 128) {
            throw new IllegalArgumentException("command name '" + name + "' is not of the form group.name"
                    + " (letters, digits, _ and .)");
        }
        Entry old = byName.get(name);
        if (old != null && (old.version() == version || !old.owner().equals(owner))) {
            throw new IllegalArgumentException("command name '" + name + "' is already registered by "
                    + (old.owner().equals(CONTAINER) ? "the container" : "application " + old.owner()));
        }
        Entry e = new Entry(owner, version, loader, command);
        byName.put(name, e);
        return () -> remove(e);
    }

    private synchronized void remove(Entry e) {
        byName.remove(e.command().name(), e);
    }

    /**
     * Removes every command a version registered and still holds.
     *
     * @param version the version
     * @return how many were removed
     */
    public synchronized int removeAll(Object version) {
        List<Entry> gone = byName.values().stream().filter(e -> e.version() == version).toList();
        gone.forEach(e -> byName.remove(e.command().name(), e));
        return gone.size();
    }

    /** @return the command of that name, or null */
    public Entry find(String name) {
        return name == null ? null : byName.get(name);
    }

    /** @return every command, sorted by name */
    public List<Entry> all() {
        List<Entry> out = new ArrayList<>(byName.values());
        out.sort(Comparator.comparing(e -> e.command().name()));
        return out;
    }

    /** @return the names a version holds, sorted */
    public List<String> namesOf(Object version) {
        return byName.values().stream().filter(e -> e.version() == version).map(e -> e.command().name())
                .sorted().toList();
    }
}
