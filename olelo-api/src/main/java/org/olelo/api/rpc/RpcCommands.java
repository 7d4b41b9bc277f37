package org.olelo.api.rpc;

import java.util.List;

/**
 * The management commands of one application. The container puts the application's instance in
 * its {@code ServletContext} under {@link #ATTRIBUTE}; commands registered through it are
 * removed when the application is undeployed. Thread-safe.
 */
public interface RpcCommands {

    /** The {@code ServletContext} attribute that holds the application's {@code RpcCommands}. */
    String ATTRIBUTE = "org.olelo.api.rpc.RpcCommands";

    /**
     * Adds a command.
     *
     * @param command the command; its name must not be taken by the container or another
     *                application
     * @return what removes the command again (it is also removed at undeployment)
     * @throws IllegalArgumentException when the name is taken or not of the form
     *                                  {@code group.name} (letters, digits, {@code _}, {@code .})
     */
    Registration register(RpcCommand command);

    /** The names of the commands this application has registered and not removed. */
    List<String> names();

    /** Removes a command registered by {@link #register}. */
    @FunctionalInterface
    interface Registration {
        /** Removes the command; calling it again does nothing. */
        void remove();
    }
}
