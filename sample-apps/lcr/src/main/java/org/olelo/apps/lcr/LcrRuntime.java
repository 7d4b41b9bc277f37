package org.olelo.apps.lcr;

import jakarta.servlet.sip.ServletParseException;
import jakarta.servlet.sip.SipFactory;
import jakarta.servlet.sip.SipURI;
import org.olelo.api.stats.Statistics;
import org.olelo.apps.lcr.route.Gateway;
import org.olelo.apps.lcr.route.RouteTable;
import org.olelo.apps.lcr.store.LcrTables;
import org.olelo.apps.lcr.store.LoadException;
import org.olelo.apps.lcr.store.SchemaMigrator;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * The running application: the loaded routing data (swapped whole by {@link #reload}), the health
 * and counters of the gateways, and the Request-URI for a gateway. The listener creates it and
 * publishes it under {@value #ATTRIBUTE}.
 *
 * <p>Thread-safe. {@link #choose}, {@link #target} and {@link #outcome} run on the application's
 * threads per call and do not block; {@link #reload} blocks on the database (management thread).
 */
public final class LcrRuntime {

    /** The ServletContext attribute holding the runtime. */
    public static final String ATTRIBUTE = "org.olelo.apps.lcr.LcrRuntime";

    /** What became of an INVITE sent to a gateway. */
    enum Outcome {
        /** 2xx. */
        ANSWERED,
        /** 408, 5xx, or no final answer in time: the next gateway is tried. */
        FAILED,
        /** Any other final answer, or cancelled by the caller: the gateway works. */
        RESPONDED,
        /** Cancelled by the caller, or unknown: counted as an attempt only. */
        UNKNOWN
    }

    /** What is loaded: the table, the URI of each gateway with a placeholder user, and when. */
    record Snapshot(RouteTable table, Map<Integer, SipURI> uris, Instant loaded) {
    }

    private final LcrConfig config;
    private final LcrTables tables;
    private final SipFactory factory;
    private final GatewayHealth health;
    private final GatewayMeters meters;
    private final Consumer<String> log;
    private final LongSupplier clock;
    private volatile Snapshot snapshot;

    LcrRuntime(LcrConfig config, DataSource dataSource, SipFactory factory, Statistics statistics, LongSupplier clock,
               Consumer<String> log) {
        this.config = config;
        this.tables = new LcrTables(dataSource, config.lcrId());
        this.factory = factory;
        this.health = new GatewayHealth(config.failuresToDefunct(), config.defunctSeconds() * 1000L, clock);
        this.meters = new GatewayMeters(statistics);
        this.log = log;
        this.clock = clock;
    }

    /**
     * Creates or upgrades the tables and loads the rows.
     *
     * @param factory    makes the gateways' URIs; null only in tests that do not route
     * @param statistics the container's statistics, or null
     * @param log        where operator messages go ({@code ServletContext::log})
     * @throws LoadException when the database fails or a row cannot be used
     */
    static LcrRuntime start(LcrConfig config, DataSource dataSource, ClassLoader loader, SipFactory factory,
                            Statistics statistics, Consumer<String> log) throws LoadException {
        SchemaMigrator.migrate(dataSource, loader);
        LcrRuntime rt = new LcrRuntime(config, dataSource, factory, statistics, System::currentTimeMillis, log);
        rt.reload();
        return rt;
    }

    /**
     * Reads the rows again and, when they are usable, puts them in place of the previous ones;
     * calls in progress keep the gateways they were given.
     *
     * @return what is now loaded
     * @throws LoadException when the database fails or a row cannot be used; the previous rows stay
     */
    Snapshot reload() throws LoadException {
        RouteTable table = tables.load();
        Map<Integer, SipURI> uris = new HashMap<>();
        if (factory != null) {
            for (Gateway g : table.gateways()) {
                try {
                    uris.put(g.id(), (SipURI) factory.createURI(g.uri("0")));
                } catch (ServletParseException | ClassCastException e) {
                    throw new LoadException("lcr_gw id " + g.id() + " gives no valid SIP URI: " + g.uri("0"), e);
                }
            }
        }
        health.retain(table.gateways().stream().map(Gateway::id).collect(Collectors.toSet()));
        Snapshot s = new Snapshot(table, Map.copyOf(uris), Instant.now());
        snapshot = s;
        log.accept("lcr: loaded " + table.gateways().size() + " gateways and " + table.rules().size()
                + " rules of lcr_id " + config.lcrId());
        return s;
    }

    /** @return what is loaded now */
    Snapshot snapshot() {
        return snapshot;
    }

    LcrConfig config() {
        return config;
    }

    GatewayHealth health() {
        return health;
    }

    GatewayMeters meters() {
        return meters;
    }

    /**
     * @param s          the snapshot the call uses (taken once, so a reload does not change it midway)
     * @param number     the Request-URI user part
     * @param from       the From URI as text
     * @param requestUri the Request-URI as text
     * @return the gateways to try, in order
     */
    RouteTable.Choice choose(Snapshot s, String number, String from, String requestUri) {
        RouteTable.Choice c = s.table().gateways(number, from, requestUri, this::usable,
                ThreadLocalRandom.current());
        (c.gateways().isEmpty() ? c.matched() ? meters.noGateway : meters.notFound : meters.routed).increment();
        return c;
    }

    /** Not taken out by its failures, nor by the {@code defunct} column. */
    private boolean usable(Gateway g) {
        return health.usable(g.id()) && g.defunctUntil() * 1000 <= clock.getAsLong();
    }

    /** @return the Request-URI for the gateway of snapshot {@code s}: its URI with the rewritten number as user */
    static SipURI target(Snapshot s, Gateway g, String number) {
        SipURI template = s.uris().get(g.id());
        if (template == null) {
            throw new IllegalStateException("gateway " + g.id() + " is no longer loaded");
        }
        SipURI u = (SipURI) template.clone();
        u.setUser(g.rewrite(number));
        return u;
    }

    /** Counts what became of one INVITE sent to the gateway. */
    void outcome(Gateway g, Outcome o) {
        GatewayMeters.Of m = meters.of(g.name());
        m.attempts().increment();
        switch (o) {
            case ANSWERED -> {
                m.answered().increment();
                health.answered(g.id());
            }
            case FAILED -> {
                m.failed().increment();
                if (health.failed(g.id())) {
                    log.accept("lcr: gateway " + g.name() + " (" + g.host() + ") failed " + config.failuresToDefunct()
                            + " times in a row: not used for " + config.defunctSeconds() + " s");
                }
            }
            case RESPONDED -> health.answered(g.id());
            case UNKNOWN -> { }
        }
    }
}
