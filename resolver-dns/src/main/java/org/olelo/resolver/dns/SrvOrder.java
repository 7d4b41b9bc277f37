package org.olelo.resolver.dns;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;
import org.xbill.DNS.SRVRecord;

/**
 * The order in which to try the targets of an SRV record set (RFC 2782): lowest priority first;
 * within one priority, a weighted random draw after another, so that a target of weight 60 comes
 * first three times as often as one of weight 20, and a target of weight 0 rarely comes first.
 * A set of one target {@code .} means the service is not offered, and gives no target.
 */
final class SrvOrder {

    private SrvOrder() {
    }

    /** The records in the order to try them; the list given is not changed. */
    static List<SRVRecord> order(List<SRVRecord> records, RandomGenerator random) {
        List<SRVRecord> sorted = new ArrayList<>(records);
        sorted.removeIf(r -> r.getTarget().equals(org.xbill.DNS.Name.root));
        // by priority; inside one, weight 0 first (RFC 2782's rule for the draw below)
        sorted.sort(Comparator.comparingInt(SRVRecord::getPriority).thenComparingInt(r -> r.getWeight() == 0 ? 0 : 1));
        List<SRVRecord> out = new ArrayList<>(sorted.size());
        int i = 0;
        while (i < sorted.size()) {
            int j = i;
            while (j < sorted.size() && sorted.get(j).getPriority() == sorted.get(i).getPriority()) {
                j++;
            }
            draw(new ArrayList<>(sorted.subList(i, j)), random, out);
            i = j;
        }
        return out;
    }

    private static void draw(List<SRVRecord> group, RandomGenerator random, List<SRVRecord> out) {
        while (!group.isEmpty()) {
            long sum = 0;
            for (SRVRecord r : group) {
                sum += r.getWeight();
            }
            long pick = sum == 0 ? 0 : random.nextLong(sum + 1);
            long running = 0;
            int chosen = 0;
            for (int k = 0; k < group.size(); k++) {
                running += group.get(k).getWeight();
                if (running >= pick) {
                    chosen = k;
                    break;
                }
            }
            out.add(group.remove(chosen));
        }
    }
}
