package org.olelo.container.internal.session;

/**
 * Who keeps a copy of the sessions of distributable applications elsewhere (another node of a
 * cluster): told when a piece of application code of such a session ended, so that the copy
 * follows it, and when the session was invalidated. {@link #NONE} when there is no cluster: a
 * single node then pays one field read per invocation.
 *
 * <p>Both methods run on the application session's executor, after the application code; they may
 * block on the network (the session's next work waits for them) and must not throw.
 */
public interface SessionWrites {

    /** A servlet, listener or timer of the valid session {@code as} returned. */
    void written(SipApplicationSessionImpl as);

    /** The session {@code as} was invalidated and left the table. */
    void invalidated(SipApplicationSessionImpl as);

    /** No copy anywhere. */
    SessionWrites NONE = new SessionWrites() {
        @Override
        public void written(SipApplicationSessionImpl as) {
        }

        @Override
        public void invalidated(SipApplicationSessionImpl as) {
        }
    };
}
