package org.olelo.apps.dispatcher;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The destinations of one set, in configuration order, with what the algorithms keep between
 * calls: the round-robin counter and the slots of the weighted choice. Immutable apart from the
 * counters; any thread.
 */
final class DestinationSet {

    final int id;
    final List<LiveDestination> members;
    /** Round-robin position (algorithm 4) and weighted-slot position (algorithm 9). */
    final AtomicLong next = new AtomicLong();
    /** Indexes into {@link #members}, each present {@code weight} times, spread evenly (algorithm 9). */
    final int[] slots;
    /** The members by descending priority, configuration order among equals (algorithm 8). */
    final List<LiveDestination> byPriority;

    DestinationSet(int id, List<LiveDestination> members) {
        this.id = id;
        this.members = List.copyOf(members);
        this.slots = spread(this.members);
        List<LiveDestination> sorted = new ArrayList<>(this.members);
        sorted.sort(Comparator.comparingInt((LiveDestination d) -> d.config.priority()).reversed());
        this.byPriority = List.copyOf(sorted);
    }

    /**
     * Smooth weighted round robin laid out once: every member appears exactly {@code weight}
     * times in {@code sum(weights)} slots, and the heavy ones are not bunched together.
     */
    private static int[] spread(List<LiveDestination> members) {
        int n = members.size();
        int total = 0;
        for (LiveDestination d : members) {
            total += d.config.weight();
        }
        int[] slots = new int[total];
        int[] current = new int[n];
        for (int s = 0; s < total; s++) {
            int best = 0;
            for (int i = 0; i < n; i++) {
                current[i] += members.get(i).config.weight();
                if (current[i] > current[best]) {
                    best = i;
                }
            }
            current[best] -= total;
            slots[s] = best;
        }
        return slots;
    }
}
