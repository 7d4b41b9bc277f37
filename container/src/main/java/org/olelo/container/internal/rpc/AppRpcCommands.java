package org.olelo.container.internal.rpc;

import java.util.List;
import java.util.Objects;
import org.olelo.api.rpc.RpcCommand;
import org.olelo.api.rpc.RpcCommands;

/**
 * The {@link RpcCommands} of one deployed application version, put in its {@code ServletContext}
 * before its listeners run. {@link #close} removes what the version still holds: when it is
 * undeployed, replaced (its successor has taken over the names it registered again), or its
 * deployment failed.
 *
 * <p>Thread-safe (the registry is).
 */
public final class AppRpcCommands implements RpcCommands, AutoCloseable {

    private final RpcRegistry registry;
    private final String appName;
    private final ClassLoader loader;
    private volatile boolean closed;

    /**
     * @param registry the server's registry
     * @param appName  the application's name
     * @param loader   its class loader: handlers run with it as the context class loader
     */
    public AppRpcCommands(RpcRegistry registry, String appName, ClassLoader loader) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.appName = Objects.requireNonNull(appName, "appName");
        this.loader = loader;
    }

    @Override
    public Registration register(RpcCommand command) {
        Objects.requireNonNull(command, "command");
        if (closed) {
            throw new IllegalStateException("application " + appName + " is undeployed: its commands are gone");
        }
        return registry.add(appName, this, loader, command);
    }

    @Override
    public List<String> names() {
        return registry.namesOf(this);
    }

    /** @return the application's name */
    public String appName() {
        return appName;
    }

    /** Removes the commands this version still holds; later registrations are refused. */
    @Override
    public void close() {
        closed = true;
        registry.removeAll(this);
    }
}
