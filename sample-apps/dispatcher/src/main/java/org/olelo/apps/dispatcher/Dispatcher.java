package org.olelo.apps.dispatcher;

import jakarta.servlet.sip.SipURI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The destination sets and the choice of a destination for a call. The sets are replaced whole
 * by {@link #reload()} (a destination that stays keeps its state and load); readers take the
 * current sets without a lock.
 *
 * <p>{@link #select} runs on the servlet threads and costs one pass over the set; {@link #reload}
 * runs on the deployer or a management thread and blocks on the source (file or database).
 */
final class Dispatcher {

    /** Where the destinations come from. */
    interface Source {
        /**
         * @return every destination, in order
         * @throws Exception saying what is wrong (file lines, table rows, database failure)
         */
        List<Destination> load() throws Exception;

        /** For the log: the file or the table. */
        String describe();
    }

    private final DispatcherConfig config;
    private final Source source;
    private final Function<String, SipURI> uris;
    private final DispatcherStatistics statistics;
    private final Consumer<String> log;
    private volatile Map<Integer, DestinationSet> sets = Map.of();

    /**
     * @param uris parses a destination URI (throws IllegalArgumentException when it cannot)
     * @param log  the application's log, for operators
     */
    Dispatcher(DispatcherConfig config, Source source, Function<String, SipURI> uris,
               DispatcherStatistics statistics, Consumer<String> log) {
        this.config = config;
        this.source = source;
        this.uris = uris;
        this.statistics = statistics;
        this.log = log;
    }

    DispatcherConfig config() {
        return config;
    }

    /**
     * Reads the destinations again and replaces the sets; on failure the current sets stay.
     *
     * @return how many destinations were loaded
     * @throws Exception from the source, or naming a destination URI that cannot be parsed
     */
    synchronized int reload() throws Exception {
        List<Destination> loaded = source.load();
        Map<String, LiveDestination> old = new HashMap<>();
        for (DestinationSet s : sets.values()) {
            for (LiveDestination d : s.members) {
                old.put(key(d.config), d);
            }
        }
        Map<Integer, List<LiveDestination>> bySet = new LinkedHashMap<>();
        for (Destination d : loaded) {
            SipURI uri;
            try {
                uri = uris.apply(d.uri());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("destination " + d.uri() + " of set " + d.setId() + ": "
                        + e.getMessage(), e);
            }
            LiveDestination live = new LiveDestination(d, uri, statistics.meters(d.uri()));
            LiveDestination before = old.get(key(d));
            if (before != null) {
                live.inherit(before);
            }
            bySet.computeIfAbsent(d.setId(), k -> new ArrayList<>()).add(live);
        }
        Map<Integer, DestinationSet> next = new LinkedHashMap<>();
        bySet.forEach((id, members) -> next.put(id, new DestinationSet(id, members)));
        sets = Map.copyOf(next);
        if (!next.containsKey(config.setId())) {
            log.accept("dispatcher: set " + config.setId() + " has no destination in " + source.describe()
                    + "; requests get 503 until it has one");
        }
        return loaded.size();
    }

    /** The destinations to try for a request, in order; empty when none of the set can take it. */
    List<LiveDestination> select(CallKeys keys) {
        DestinationSet set = sets.get(config.setId());
        return set == null ? List.of() : config.algorithm().order(set, keys);
    }

    /** The configured set's destinations, in the set's order; empty when the set has none. */
    List<LiveDestination> members() {
        DestinationSet set = sets.get(config.setId());
        return set == null ? List.of() : set.members;
    }

    /** The sets by ascending id. */
    List<DestinationSet> sets() {
        List<DestinationSet> out = new ArrayList<>(sets.values());
        out.sort((a, b) -> Integer.compare(a.id, b.id));
        return out;
    }

    /** Every destination of every set. */
    List<LiveDestination> all() {
        List<LiveDestination> out = new ArrayList<>();
        for (DestinationSet s : sets()) {
            out.addAll(s.members);
        }
        return out;
    }

    /** The destinations whose URI is {@code uri} (ignoring case), in any set. */
    List<LiveDestination> find(String uri) {
        List<LiveDestination> out = new ArrayList<>();
        for (LiveDestination d : all()) {
            if (d.config.uri().equalsIgnoreCase(uri.trim())) {
                out.add(d);
            }
        }
        return out;
    }

    /** How many destinations get calls now. */
    long activeCount() {
        long n = 0;
        for (DestinationSet s : sets.values()) {
            for (LiveDestination d : s.members) {
                if (d.routable()) {
                    n++;
                }
            }
        }
        return n;
    }

    /** For the log: the file or the table. */
    String sourceName() {
        return source.describe();
    }

    private static String key(Destination d) {
        return d.setId() + " " + d.uri();
    }
}
