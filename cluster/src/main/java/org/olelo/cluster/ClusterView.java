package org.olelo.cluster;

import java.util.List;

/**
 * One view of the cluster as a listener receives it: who is a member now, who joined and who
 * left since the previous view. Immutable.
 *
 * @param members     the members in view order (the first is the coordinator), as {@code HOST:PORT}
 * @param joined      the members that were not in the previous view
 * @param left        the members of the previous view that are gone (left or failed)
 * @param coordinator the member that coordinates the view
 * @param merged      whether the view ends a split (two partitions merged)
 */
public record ClusterView(List<String> members, List<String> joined, List<String> left, String coordinator,
                          boolean merged) {

    /** Freezes the lists. */
    public ClusterView {
        members = List.copyOf(members);
        joined = List.copyOf(joined);
        left = List.copyOf(left);
    }
}
