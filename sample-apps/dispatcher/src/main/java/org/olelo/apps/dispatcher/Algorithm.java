package org.olelo.apps.dispatcher;

import java.util.ArrayList;
import java.util.List;

/**
 * How a destination of a set is chosen, with Kamailio's numbers. Each algorithm returns the
 * routable destinations in the order to try them: the first is the choice, the others are the
 * failover order. Destinations that are not {@linkplain LiveDestination#routable() active} are
 * never returned.
 *
 * <p>Cost: one pass over the set (a few destinations), no lock; the hashes read a few dozen
 * characters. Any thread.
 */
public enum Algorithm {

    /** 0: hash over the Call-ID; the same call always gets the same destination while it is active. */
    HASH_CALL_ID(0) {
        @Override
        List<LiveDestination> order(DestinationSet set, CallKeys keys) {
            return walk(set.members, hash(keys.callId()));
        }
    },
    /** 1: hash over the From URI's user and host. */
    HASH_FROM(1) {
        @Override
        List<LiveDestination> order(DestinationSet set, CallKeys keys) {
            return walk(set.members, hash(keys.fromUri()));
        }
    },
    /** 2: hash over the To URI's user and host. */
    HASH_TO(2) {
        @Override
        List<LiveDestination> order(DestinationSet set, CallKeys keys) {
            return walk(set.members, hash(keys.toUri()));
        }
    },
    /** 4: round robin over the set, skipping destinations that are not active. */
    ROUND_ROBIN(4) {
        @Override
        List<LiveDestination> order(DestinationSet set, CallKeys keys) {
            return walk(set.members, set.next.getAndIncrement());
        }
    },
    /** 8: the highest {@code priority} first, then the next lower. */
    PRIORITY(8) {
        @Override
        List<LiveDestination> order(DestinationSet set, CallKeys keys) {
            return walk(set.byPriority, 0);
        }
    },
    /** 9: by {@code weight} attribute: each destination gets weight/sum(weights) of the calls. */
    WEIGHT(9) {
        @Override
        List<LiveDestination> order(DestinationSet set, CallKeys keys) {
            int[] slots = set.slots;
            if (slots.length == 0) {
                return List.of();
            }
            long start = set.next.getAndIncrement();
            for (int i = 0; i < slots.length; i++) {
                int member = slots[(int) Long.remainderUnsigned(start + i, slots.length)];
                if (set.members.get(member).routable()) {
                    return walk(set.members, member);
                }
            }
            return List.of();
        }
    },
    /**
     * 10: by call load: the active destination with the fewest active calls and below its
     * {@code maxload}; none when every one is full.
     */
    CALL_LOAD(10) {
        @Override
        List<LiveDestination> order(DestinationSet set, CallKeys keys) {
            List<LiveDestination> out = new ArrayList<>(set.members.size());
            for (LiveDestination d : set.members) {
                if (d.routable() && d.hasRoom()) {
                    out.add(d);
                }
            }
            out.sort((a, b) -> Integer.compare(a.load.get(), b.load.get()));
            return out;
        }

        @Override
        boolean countsLoad() {
            return true;
        }
    };

    private final int number;

    Algorithm(int number) {
        this.number = number;
    }

    /** Kamailio's number of the algorithm. */
    public int number() {
        return number;
    }

    /**
     * @param number one of 0, 1, 2, 4, 8, 9, 10
     * @throws IllegalArgumentException for any other number (Kamailio's 3, 5, 6, 7, 11, 12, 13
     *                                  are not implemented)
     */
    public static Algorithm of(int number) {
        for (Algorithm a : values()) {
            if (a.number == number) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown algorithm " + number
                + " (known: 0 Call-ID hash, 1 From hash, 2 To hash, 4 round robin, 8 priority, 9 weight, 10 call load)");
    }

    /** The destinations to try, in order; empty when none of the set is routable. */
    abstract List<LiveDestination> order(DestinationSet set, CallKeys keys);

    /** Whether calls routed with it are counted in the destinations' load. */
    boolean countsLoad() {
        return false;
    }

    /** The routable members of {@code list}, starting at {@code start} (modulo its size) and wrapping. */
    static List<LiveDestination> walk(List<LiveDestination> list, long start) {
        int n = list.size();
        List<LiveDestination> out = new ArrayList<>(n);
        if (n == 0) {
            return out;
        }
        int first = (int) Long.remainderUnsigned(start, n);
        for (int i = 0; i < n; i++) {
            LiveDestination d = list.get((first + i) % n);
            if (d.routable()) {
                out.add(d);
            }
        }
        return out;
    }

    /** FNV-1a over the characters, then a final mix; the same text always gives the same value. */
    static long hash(String text) {
        int h = 0x811c9dc5;
        String s = text == null ? "" : text;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x01000193;
        }
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        return Integer.toUnsignedLong(h);
    }
}
