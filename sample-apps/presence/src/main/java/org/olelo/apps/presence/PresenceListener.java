package org.olelo.apps.presence;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.sip.SipServlet;
import jakarta.servlet.sip.SipURI;
import org.olelo.api.rpc.RpcCommand;
import org.olelo.api.rpc.RpcCommands;
import org.olelo.api.stats.Statistics;
import org.olelo.apps.presence.service.PresenceStore;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the application before its servlet and stops it after: reads the context-params
 * ({@link PresenceConfig}), finds the container's DataSource (the injected {@link Instance}, else the
 * {@value #DATA_SOURCE_ATTRIBUTE} attribute), starts the {@link PresenceRuntime}, and registers the
 * RPC commands ({@link PresenceCommands}) and statistics when the container offers them (when it
 * does not, the application works the same without them). Runs on the container's deployer thread;
 * a failure fails the deployment with the reason.
 */
public class PresenceListener implements ServletContextListener {

    /** The ServletContext attribute under which the container publishes its default DataSource. */
    public static final String DATA_SOURCE_ATTRIBUTE = "org.olelo.DataSource";

    @Inject
    private Instance<DataSource> injectedDataSource;

    private PresenceRuntime runtime;
    private final List<RpcCommands.Registration> registrations = new ArrayList<>();

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext ctx = event.getServletContext();
        PresenceConfig config = PresenceConfig.from(ctx::getInitParameter);
        Statistics stats = ctx.getAttribute(Statistics.ATTRIBUTE) instanceof Statistics s ? s : null;
        try {
            runtime = PresenceRuntime.start(config, dataSource(ctx), getClass().getClassLoader(), hosts(ctx), stats,
                    (msg, e) -> ctx.log(msg, e));
        } catch (PresenceStore.StoreException e) {
            throw new IllegalStateException("presence: " + e.getMessage(), e);
        }
        ctx.setAttribute(PresenceRuntime.ATTRIBUTE, runtime);
        if (ctx.getAttribute(RpcCommands.ATTRIBUTE) instanceof RpcCommands rpc) {
            for (RpcCommand c : PresenceCommands.commands(runtime.service())) {
                registrations.add(rpc.register(c));
            }
        }
        ctx.log("presence: started with policy=" + config.policy() + ", " + runtime.loadedAtStart()
                + " publications and subscriptions loaded");
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        registrations.forEach(RpcCommands.Registration::remove);
        registrations.clear();
        if (runtime != null) {
            runtime.close();
            runtime = null;
        }
        event.getServletContext().removeAttribute(PresenceRuntime.ATTRIBUTE);
    }

    private DataSource dataSource(ServletContext ctx) {
        if (injectedDataSource != null && injectedDataSource.isResolvable()) {
            return injectedDataSource.get();
        }
        return ctx.getAttribute(DATA_SOURCE_ATTRIBUTE) instanceof DataSource ds ? ds : null;
    }

    /** The container's local domains ({@code org.olelo.localDomains}) and listening-point hosts. */
    private static List<String> hosts(ServletContext ctx) {
        List<String> hosts = new ArrayList<>();
        if (ctx.getAttribute("org.olelo.localDomains") instanceof List<?> domains) {
            domains.stream().filter(String.class::isInstance).map(String.class::cast).forEach(hosts::add);
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
