package org.olelo.apps.lcr.route;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * The rules and gateways of one {@code lcr_id}, immutable once built, and the choice of gateways
 * for a call (Kamailio's {@code load_gws()}):
 * <ol>
 * <li>the enabled rules whose prefix starts the number are looked at from the longest prefix to
 *     the shortest; a rule matches when its {@code from_uri} and {@code request_uri} regular
 *     expressions (those set) are found in the From URI and the Request-URI;</li>
 * <li>when a matching rule is a stopper, no shorter prefix is looked at;</li>
 * <li>the gateways of the matching rules are ordered by the rule's prefix (longer first), then
 *     the target's priority (lower first), then at random among equal priorities with chances
 *     proportional to their weights (weight 0: after the others); a gateway named by several
 *     rules keeps its first place; gateways taken out ({@code defunct}) are left out.</li>
 * </ol>
 * Cost per call: one hash lookup per distinct prefix length no longer than the number, the
 * regular expressions of the rules of matching prefixes, and a sort of their targets.
 *
 * <p>Immutable and thread-safe; {@link #gateways} runs on the application's threads and does not block.
 */
public final class RouteTable {

    private final Map<String, List<Rule>> byPrefix;
    private final int[] lengths;
    private final List<Rule> rules;
    private final List<Gateway> gateways;
    private final boolean usesUris;

    /**
     * @param gateways the gateways of the {@code lcr_id}
     * @param rules    its rules, with their targets
     */
    public RouteTable(Collection<Gateway> gateways, Collection<Rule> rules) {
        this.gateways = List.copyOf(gateways);
        this.rules = List.copyOf(rules);
        Map<String, List<Rule>> index = new HashMap<>();
        Set<Integer> lens = new LinkedHashSet<>();
        boolean uris = false;
        for (Rule r : rules) {
            if (r.enabled()) {
                uris |= r.fromUri() != null || r.requestUri() != null;
                index.computeIfAbsent(r.prefix(), p -> new ArrayList<>()).add(r);
                lens.add(r.prefix().length());
            }
        }
        index.replaceAll((p, list) -> List.copyOf(list));
        this.byPrefix = Map.copyOf(index);
        this.lengths = lens.stream().mapToInt(Integer::intValue).sorted().toArray();
        this.usesUris = uris;
    }

    /** @return whether an enabled rule has a regular expression (else the URIs need not be given as text) */
    public boolean usesUris() {
        return usesUris;
    }

    /** @return an empty table (no rule: every number is unrouted) */
    public static RouteTable empty() {
        return new RouteTable(List.of(), List.of());
    }

    /** @return the gateways, as loaded */
    public List<Gateway> gateways() {
        return gateways;
    }

    /** @return the rules, as loaded (disabled ones included) */
    public List<Rule> rules() {
        return rules;
    }

    /**
     * @param number     the Request-URI's user part
     * @param from       the From URI as text
     * @param requestUri the Request-URI as text
     * @param usable     whether a gateway may be used now
     * @param random     the source of the weighted order
     * @return the gateways to try, in order; empty when no rule matches
     */
    public Choice gateways(String number, String from, String requestUri, Predicate<Gateway> usable, RandomGenerator random) {
        List<Ranked> ranked = new ArrayList<>();
        boolean matched = false;
        for (int i = lengths.length - 1; i >= 0; i--) {
            int len = lengths[i];
            if (len > number.length()) {
                continue;
            }
            List<Rule> candidates = byPrefix.get(number.substring(0, len));
            if (candidates == null) {
                continue;
            }
            boolean stop = false;
            for (Rule r : candidates) {
                if (r.matches(from, requestUri)) {
                    matched = true;
                    stop |= r.stopper();
                    for (Rule.Target t : r.targets()) {
                        ranked.add(new Ranked(t.gateway(), len, t.priority(), weightKey(t.weight(), random)));
                    }
                }
            }
            if (stop) {
                break;
            }
        }
        if (ranked.isEmpty()) {
            return new Choice(matched, List.of());
        }
        Ranked[] sorted = ranked.toArray(new Ranked[0]);
        Arrays.sort(sorted);
        List<Gateway> out = new ArrayList<>(sorted.length);
        Set<Integer> seen = new java.util.HashSet<>();
        for (Ranked r : sorted) {
            if (seen.add(r.gateway.id()) && usable.test(r.gateway)) {
                out.add(r.gateway);
            }
        }
        return new Choice(true, out);
    }

    /** Efraimidis-Spirakis: sorting by -ln(u)/w puts each first with chance w / sum(w). */
    private static double weightKey(int weight, RandomGenerator random) {
        if (weight <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        return -Math.log(1.0 - random.nextDouble()) / weight;
    }

    /**
     * The outcome of a lookup.
     *
     * @param matched  whether a rule matched the number
     * @param gateways the usable gateways, in the order to try them (empty when none is usable)
     */
    public record Choice(boolean matched, List<Gateway> gateways) {
    }

    private record Ranked(Gateway gateway, int prefixLength, int priority, double key) implements Comparable<Ranked> {
        @Override
        public int compareTo(Ranked o) {
            if (prefixLength != o.prefixLength) {
                return Integer.compare(o.prefixLength, prefixLength);
            }
            if (priority != o.priority) {
                return Integer.compare(priority, o.priority);
            }
            return Double.compare(key, o.key);
        }
    }
}
