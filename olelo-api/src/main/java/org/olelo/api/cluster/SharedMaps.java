package org.olelo.api.cluster;

import java.util.List;

/**
 * Maps an application shares with the same application on every node of the cluster. The
 * container puts the application's instance in its {@code ServletContext} under
 * {@link #ATTRIBUTE} only when clustering is on ({@code cluster.name} set); without it the
 * attribute is absent and the application keeps its state in memory as on one machine.
 *
 * <p>Each map is replicated synchronously to every member: when a write returns, every member
 * that is in the view holds it, so a reader on any node sees it. A member that joins receives the
 * maps' content before its first read; a member that dies loses nothing the others hold. Names
 * are the application's own: two applications with a map of the same name do not share it.
 * Thread-safe.
 */
public interface SharedMaps {

    /** The {@code ServletContext} attribute that holds the application's {@code SharedMaps}. */
    String ATTRIBUTE = "org.olelo.api.cluster.SharedMaps";

    /**
     * The map of this name, created on first use (on this node; each node that uses the name
     * joins the same replicated map).
     *
     * @param name letters, digits, {@code _}, {@code -} and {@code .}, 1 to 64 characters
     * @return the map, the same object for the same name
     * @throws IllegalArgumentException when the name is not of that form
     */
    SharedMap map(String name);

    /** @return this node's name in the cluster */
    String localMember();

    /** @return the names of the members in the current view, this node included */
    List<String> members();
}
