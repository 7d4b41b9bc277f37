package org.olelo.apps.media.ng;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * The configured rtpengine instances and the order in which a new call tries them: the enabled
 * instances in a weighted random order (each next one drawn among those left, with a probability
 * proportional to its weight; weight 0 last), then the disabled ones, soonest enabled first, so a
 * call still gets a relay when every instance was marked dead. Immutable list; the choice costs
 * O(n²) for n instances (a handful). Thread-safe.
 */
public final class NgInstances {

    private final List<NgInstance> all;

    /** @param all the instances, at least one */
    public NgInstances(List<NgInstance> all) {
        if (all.isEmpty()) {
            throw new IllegalArgumentException("no rtpengine instance");
        }
        this.all = List.copyOf(all);
    }

    /**
     * Parses {@code udp:HOST:PORT[;weight=N]} entries separated by commas; an IPv6 address is
     * written in brackets. Host names are resolved here, once.
     *
     * @throws IllegalArgumentException naming the faulty entry
     */
    public static NgInstances parse(String spec) {
        List<NgInstance> out = new ArrayList<>();
        for (String raw : spec.split(",")) {
            String entry = raw.strip();
            if (!entry.isEmpty()) {
                out.add(parseOne(entry));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no instance given (expected udp:HOST:PORT[;weight=N], ...)");
        }
        return new NgInstances(out);
    }

    private static NgInstance parseOne(String entry) {
        String bad = "bad rtpengine instance '" + entry + "' (expected udp:HOST:PORT[;weight=N])";
        String[] parts = entry.split(";");
        String where = parts[0].strip();
        if (!where.regionMatches(true, 0, "udp:", 0, 4)) {
            throw new IllegalArgumentException(bad);
        }
        where = where.substring(4);
        int colon = where.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException(bad);
        }
        String host = where.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.indexOf(':') >= 0) {
            throw new IllegalArgumentException(bad);
        }
        int port = number(where.substring(colon + 1), 1, 65_535, bad);
        int weight = 1;
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].strip();
            if (!p.regionMatches(true, 0, "weight=", 0, 7)) {
                throw new IllegalArgumentException(bad);
            }
            weight = number(p.substring(7), 0, 1_000_000, bad);
        }
        try {
            return new NgInstance(new InetSocketAddress(InetAddress.getByName(host), port), weight);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("rtpengine instance '" + entry + "': unknown host " + host);
        }
    }

    private static int number(String s, int min, int max, String bad) {
        try {
            int n = Integer.parseInt(s.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException(bad);
    }

    /** Every instance, as configured. */
    public List<NgInstance> all() {
        return all;
    }

    /** The instance named {@code name} ({@link NgInstance#name()}). */
    public Optional<NgInstance> named(String name) {
        for (NgInstance i : all) {
            if (i.name().equals(name)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /**
     * The order in which a new call tries the instances.
     *
     * @param now    epoch milliseconds, to tell disabled instances
     * @param random uniform numbers in [0, 1)
     */
    public List<NgInstance> order(long now, DoubleSupplier random) {
        List<NgInstance> left = new ArrayList<>();
        List<NgInstance> disabled = new ArrayList<>();
        for (NgInstance i : all) {
            (i.enabled(now) ? left : disabled).add(i);
        }
        List<NgInstance> out = new ArrayList<>(all.size());
        while (!left.isEmpty()) {
            long total = 0;
            for (NgInstance i : left) {
                total += i.weight();
            }
            if (total == 0) {
                out.addAll(left); // only spares left: in configured order
                break;
            }
            double point = random.getAsDouble() * total;
            int chosen = left.size() - 1;
            long sum = 0;
            for (int k = 0; k < left.size(); k++) {
                sum += left.get(k).weight();
                if (point < sum) {
                    chosen = k;
                    break;
                }
            }
            while (left.get(chosen).weight() == 0) {
                chosen--; // a rounding edge must not pick a spare before its turn
            }
            out.add(left.remove(chosen));
        }
        disabled.sort(Comparator.comparingLong(NgInstance::disabledUntil));
        out.addAll(disabled);
        return out;
    }
}
