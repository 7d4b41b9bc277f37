package org.olelo.apps.dispatcher;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.sip.ServletParseException;
import jakarta.servlet.sip.SipFactory;
import jakarta.servlet.sip.SipServlet;
import jakarta.servlet.sip.SipURI;
import jakarta.servlet.sip.TimerService;
import jakarta.servlet.sip.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;
import org.olelo.api.rpc.RpcCommand;
import org.olelo.api.rpc.RpcCommands;
import org.olelo.api.stats.Statistics;

/**
 * Starts the application before its servlet and stops it after: reads the settings
 * ({@link DispatcherConfig}), loads the destinations from the list file or the {@code dispatcher}
 * table (migrated first), starts the {@link Prober}, registers the commands and statistics when
 * the container offers them, and publishes the {@link DispatcherRuntime}.
 *
 * <p>Called by the container on its deployer thread. A bad setting, an unknown algorithm, a bad
 * list line or table row, or a missing database fails the deployment with the reason.
 */
public class DispatcherListener implements ServletContextListener {

    /** The ServletContext attribute under which the container publishes its default DataSource. */
    public static final String DATA_SOURCE_ATTRIBUTE = "org.olelo.DataSource";

    private DispatcherRuntime runtime;
    private final List<RpcCommands.Registration> registrations = new ArrayList<>();

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext ctx = event.getServletContext();
        DispatcherConfig config = DispatcherConfig.from(ctx::getInitParameter);
        SipFactory factory = (SipFactory) ctx.getAttribute(SipServlet.SIP_FACTORY);
        Statistics stats = ctx.getAttribute(Statistics.ATTRIBUTE) instanceof Statistics s ? s : null;
        DispatcherStatistics meters = new DispatcherStatistics(stats);
        Dispatcher dispatcher = new Dispatcher(config, source(ctx, config), uris(factory), meters, ctx::log);
        int loaded;
        try {
            loaded = dispatcher.reload();
        } catch (Exception e) {
            throw new IllegalStateException("dispatcher: " + e.getMessage(), e);
        }
        meters.activeGauge(dispatcher::activeCount);
        Prober prober = null;
        if (config.probeInterval() > 0) {
            prober = new Prober(dispatcher, factory, ctx::log);
            prober.start((TimerService) ctx.getAttribute(SipServlet.TIMER_SERVICE));
        }
        runtime = new DispatcherRuntime(dispatcher, prober);
        ctx.setAttribute(DispatcherRuntime.ATTRIBUTE, runtime);
        if (ctx.getAttribute(RpcCommands.ATTRIBUTE) instanceof RpcCommands rpc) {
            for (RpcCommand c : new DispatcherCommands(dispatcher, ctx::log).commands()) {
                try {
                    registrations.add(rpc.register(c));
                } catch (IllegalArgumentException e) {
                    // another deployment of this application still holds the name (a redeployment)
                    ctx.log("dispatcher: command " + c.name() + " not registered: " + e.getMessage());
                }
            }
        }
        ctx.log("dispatcher: " + loaded + " destination(s) from " + dispatcher.sourceName() + "; requests go to set "
                + config.setId() + " with algorithm " + config.algorithm().number() + ", failover "
                + (config.failover() ? "on" : "off") + ", probing "
                + (config.probeInterval() > 0 ? "every " + config.probeInterval() + " s with " + config.probeMethod()
                        + ", inactive after " + config.probeThreshold() + " miss(es)" : "off"));
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        registrations.forEach(RpcCommands.Registration::remove);
        registrations.clear();
        if (runtime != null && runtime.prober() != null) {
            runtime.prober().stop();
        }
        runtime = null;
        event.getServletContext().removeAttribute(DispatcherRuntime.ATTRIBUTE);
    }

    private Dispatcher.Source source(ServletContext ctx, DispatcherConfig config) {
        if (config.listFile() != null) {
            Path file = Path.of(config.listFile());
            return new Dispatcher.Source() {
                @Override
                public List<Destination> load() throws ListFileException {
                    return ListFile.read(file);
                }

                @Override
                public String describe() {
                    return "list file " + file;
                }
            };
        }
        if (!(ctx.getAttribute(DATA_SOURCE_ATTRIBUTE) instanceof DataSource ds)) {
            throw new IllegalStateException("dispatcher: no " + DispatcherConfig.LIST_FILE
                    + " is set and the container offers no database for the dispatcher table");
        }
        DestinationTable table = new DestinationTable(ds);
        table.migrate(getClass().getClassLoader());
        return new Dispatcher.Source() {
            @Override
            public List<Destination> load() {
                return table.load();
            }

            @Override
            public String describe() {
                return "the dispatcher table";
            }
        };
    }

    private static Function<String, SipURI> uris(SipFactory factory) {
        return text -> {
            try {
                URI uri = factory.createURI(text);
                if (uri instanceof SipURI sip) {
                    return sip;
                }
            } catch (ServletParseException e) {
                throw new IllegalArgumentException("not a SIP URI: " + e.getMessage(), e);
            }
            throw new IllegalArgumentException("not a SIP URI");
        };
    }
}
