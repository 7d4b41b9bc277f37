package org.olelo.apps.registrar;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.sip.SipServlet;
import jakarta.servlet.sip.FlowFailedEvent;
import jakarta.servlet.sip.FlowListener;
import jakarta.servlet.sip.SipURI;
import org.olelo.apps.registrar.service.ContextParams;
import org.olelo.apps.registrar.service.RegistrarStatistics;
import org.olelo.api.cluster.SharedMap;
import org.olelo.api.cluster.SharedMaps;
import org.olelo.api.stats.Statistics;
import org.olelo.apps.registrar.store.DbMode;
import org.olelo.apps.registrar.spi.StoreException;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the application before its servlets and stops it after them: reads the context-params
 * ({@link RegistrarConfig}), finds the container's DataSource, starts the
 * {@link RegistrarRuntime} and publishes it (attribute {@value RegistrarRuntime#ATTRIBUTE}) with
 * the statistics (attribute {@value RegistrarStatistics#ATTRIBUTE}), registers the management
 * commands {@code ul.dump}, {@code ul.lookup} and {@code ul.rm} when the container offers them
 * ({@link RegistrarCommands}), listens for closed WebSocket connections to remove their bindings
 * ({@link ConnectionsWiring}), then the offline message store ({@link SiloWiring}) and, with
 * {@value #NAT_PING_SECONDS} above 0, the NAT keep-alive pings ({@link NatPinger}). As the
 * application's {@link FlowListener} it removes the outbound bindings of a flow that failed.
 *
 * <p>The DataSource is looked for, in order: the {@code @Inject}ed {@link Instance} (when exactly
 * one DataSource bean exists), then the ServletContext attribute {@value #DATA_SOURCE_ATTRIBUTE}.
 * {@code Instance} rather than a plain {@code @Inject DataSource} or {@code @Resource} field:
 * those fail the deployment when the container has no database, and the {@code memory} mode needs
 * none.
 *
 * <p>The container creates it (with injection) and calls it on its deployer thread. A failure
 * (bad context-param, database needed but absent, migration failed) fails the deployment with
 * the reason; the other applications are not affected.
 */
public class RegistrarListener implements ServletContextListener, FlowListener {

    /** The ServletContext attribute under which the container publishes its default DataSource. */
    public static final String DATA_SOURCE_ATTRIBUTE = "org.olelo.DataSource";

    @Inject
    private Instance<DataSource> injectedDataSource;

    /** Context-param: seconds between NAT keep-alive OPTIONS to contacts behind NAT (0: none). */
    public static final String NAT_PING_SECONDS = "nat.ping.seconds";
    /** Context-param: whether a contact that does not answer its NAT ping is removed. */
    public static final String NAT_PING_REMOVE = "nat.ping.remove";

    private RegistrarRuntime runtime;
    private SiloWiring silo;
    private NatPinger pinger;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext ctx = event.getServletContext();
        RegistrarConfig config = RegistrarConfig.from(ctx::getInitParameter);
        try {
            runtime = RegistrarRuntime.start(config, dataSource(ctx), getClass().getClassLoader(),
                    () -> interfaceHosts(ctx), ctx::log, statistics(ctx), sharedLocation(ctx));
        } catch (StoreException e) {
            throw new IllegalStateException("registrar: " + e.getMessage(), e);
        }
        try {
            silo = SiloWiring.start(ctx, runtime, dataSource(ctx), getClass().getClassLoader());
        } catch (StoreException | RuntimeException e) {
            runtime.close();
            throw new IllegalStateException("registrar: msilo: " + e.getMessage(), e);
        }
        pinger = NatPinger.start((jakarta.servlet.sip.SipFactory) ctx.getAttribute(SipServlet.SIP_FACTORY), runtime,
                ContextParams.value(ctx::getInitParameter, NAT_PING_SECONDS, 0, t -> ContextParams.integer(t, 0, 86400)),
                ContextParams.value(ctx::getInitParameter, NAT_PING_REMOVE, false, RegistrarListener::bool),
                ctx::log, ctx::log);
        if (pinger != null) {
            ctx.setAttribute(NatPinger.ATTRIBUTE, pinger);
        }
        ctx.setAttribute(RegistrarRuntime.ATTRIBUTE, runtime);
        ctx.setAttribute(RegistrarStatistics.ATTRIBUTE, runtime.statistics());
        RegistrarCommands.registerIfOffered(ctx, runtime);
        ConnectionsWiring.listenIfOffered(ctx, runtime);
        ctx.log("registrar: started with db.mode=" + config.dbMode()
                + (ctx.getAttribute(SharedMaps.ATTRIBUTE) != null && config.dbMode() != DbMode.DB_ONLY
                        ? " and the bindings shared with the cluster" : "") + ", domains " + config.domains()
                + " and the listening-point hosts, " + runtime.loadedAtStart() + " bindings loaded");
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (pinger != null) {
            pinger.close();
            pinger = null;
        }
        if (silo != null) {
            silo.close();
            silo = null;
        }
        if (runtime != null) {
            runtime.close();
            runtime = null;
        }
        event.getServletContext().removeAttribute(RegistrarRuntime.ATTRIBUTE);
        event.getServletContext().removeAttribute(RegistrarStatistics.ATTRIBUTE);
    }

    /**
     * An RFC 5626 flow failed (its connection ended): the outbound bindings registered over it are
     * removed. Runs on a thread the container gives each listener call; blocks on the store.
     */
    @Override
    public void flowFailed(FlowFailedEvent event) {
        RegistrarRuntime r = runtime;
        SipURI remote = event.getFlow().getRemoteURI();
        if (r == null || remote == null) {
            return;
        }
        String host = remote.getHost();
        String received = "sip:" + host + ":" + remote.getPort();
        String transport = remote.getTransportParam() == null ? "udp"
                : remote.getTransportParam().toLowerCase(java.util.Locale.ROOT);
        r.flowFailed(event.getFlow().getToken(), received, transport);
    }

    private static boolean bool(String text) {
        return switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("expected true or false but found '" + text + "'");
        };
    }

    /**
     * The map the cluster's nodes share the bindings in, or null when clustering is off (the
     * container then offers no {@link SharedMaps}).
     */
    private static SharedMap sharedLocation(ServletContext ctx) {
        return ctx.getAttribute(SharedMaps.ATTRIBUTE) instanceof SharedMaps maps ? maps.map("location") : null;
    }

    /** The container's statistics, or null when it offers none (the counters are then the application's own). */
    private static Statistics statistics(ServletContext ctx) {
        return ctx.getAttribute(Statistics.ATTRIBUTE) instanceof Statistics s ? s : null;
    }

    private DataSource dataSource(ServletContext ctx) {
        if (injectedDataSource != null && injectedDataSource.isResolvable()) {
            return injectedDataSource.get();
        }
        return ctx.getAttribute(DATA_SOURCE_ATTRIBUTE) instanceof DataSource ds ? ds : null;
    }

    /**
     * The hosts of the container's listening points (JSR 359 {@code OUTBOUND_INTERFACES}) and the
     * container's configured local domains (the {@code org.olelo.localDomains} context attribute).
     */
    private static List<String> interfaceHosts(ServletContext ctx) {
        List<String> hosts = new ArrayList<>();
        if (ctx.getAttribute("org.olelo.localDomains") instanceof List<?> domains) {
            for (Object d : domains) {
                if (d instanceof String s) {
                    hosts.add(s);
                }
            }
        }
        if (ctx.getAttribute(SipServlet.OUTBOUND_INTERFACES) instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof SipURI uri && uri.getHost() != null) {
                    hosts.add(uri.getHost());
                }
            }
        }
        return hosts;
    }
}
