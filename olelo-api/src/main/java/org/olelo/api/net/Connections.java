package org.olelo.api.net;

/**
 * The connections of the server's stream listening points, as far as applications need them: an
 * application that keeps state reached through one connection (a registration over a WebSocket,
 * an RFC 5626 flow) is told when that connection closes, and drops that state. The container puts
 * the application's instance in its {@code ServletContext} under {@link #ATTRIBUTE}; listeners
 * added through it are removed when the application is undeployed. Thread-safe.
 */
public interface Connections {

    /** The {@code ServletContext} attribute that holds the application's {@code Connections}. */
    String ATTRIBUTE = "org.olelo.api.net.Connections";

    /**
     * Adds a listener of closed connections.
     *
     * @param listener told of every connection closed from now on
     * @return what removes the listener again (it is also removed at undeployment)
     */
    Registration onClosed(ClosedListener listener);

    /** Told when a connection closed. */
    @FunctionalInterface
    interface ClosedListener {

        /**
         * A connection is gone; requests can no longer reach its peer through it. Called on a
         * thread of the container's that may block (a database write is fine), once per
         * connection and listener, in no particular order between connections.
         *
         * @param connection which one
         */
        void connectionClosed(ClosedConnection connection);
    }

    /** Removes a listener added by {@link #onClosed}. */
    @FunctionalInterface
    interface Registration {
        /** Removes the listener; calling it again does nothing. */
        void remove();
    }
}
