package org.olelo.container.internal.replica;

/**
 * Where copies of the sessions of distributable applications are kept for the other nodes (the
 * cluster's distributed cache). {@link #NONE} without a cluster.
 *
 * <p>Called on the application session's executor (a virtual thread); the methods may block on the
 * network and throw {@link IllegalStateException} when the store cannot be reached.
 */
public interface SessionReplication {

    /** Stores (or replaces) the copy of an application session and indexes its dialogs. */
    void stored(SessionSnapshot snapshot);

    /** Removes the copy of the application session with this id, and its dialogs from the index. */
    void removed(String appSessionId);

    /**
     * The copy of the application session that holds a dialog.
     *
     * @param callId the dialog's Call-ID
     * @param tagA   one of its tags
     * @param tagB   the other
     * @return the copy, or null when no copy holds that dialog
     */
    SessionSnapshot fetchByDialog(String callId, String tagA, String tagB);

    /**
     * Whether a node is still a member: the session of a copy it wrote is its own, and no other
     * node takes it over while it lives (that would make two live copies of one session).
     *
     * @param writer the node named by a copy ({@link SessionSnapshot#writer()})
     * @return true while that node is in this node's view of the cluster
     */
    default boolean alive(String writer) {
        return false;
    }

    /**
     * Claims the take-over of a copy whose writer left: of all the nodes that try (the ones a
     * request of its dialogs reaches, the new primary owner of the copy), exactly one gets true, and
     * only that one restores the session, so that its timers fire once. A node that claims the same
     * copy twice (by request and after the view change) gets true both times.
     *
     * @param copy the copy, as fetched
     * @param node the node that would restore it (this node's name in the cluster)
     * @return true when {@code node} holds the claim; false when another node does
     * @throws IllegalStateException when the store cannot be reached (then the caller restores nothing)
     */
    default boolean claim(SessionSnapshot copy, String node) {
        return true;
    }

    /** Keeps nothing. */
    SessionReplication NONE = new SessionReplication() {
        @Override
        public void stored(SessionSnapshot snapshot) {
        }

        @Override
        public void removed(String appSessionId) {
        }

        @Override
        public SessionSnapshot fetchByDialog(String callId, String tagA, String tagB) {
            return null;
        }
    };
}
