package org.olelo.container.boot;

import java.time.Instant;
import java.util.List;
import org.olelo.api.rpc.RpcCommand;
import org.olelo.container.internal.converged.ConvergedHttp;
import org.olelo.container.internal.db.SubscriberStore;
import org.olelo.container.internal.deploy.AppRegistry;
import org.olelo.container.internal.deploy.AppServicesFactory;
import org.olelo.container.internal.deploy.VersionWork;
import org.olelo.container.internal.http.ConsolePages;
import org.olelo.container.internal.http.HttpListenException;
import org.olelo.container.internal.http.HttpRoutes;
import org.olelo.container.internal.http.HttpServer;
import org.olelo.container.internal.http.ManagementSettings;
import org.olelo.container.internal.rpc.AppCommands;
import org.olelo.container.internal.rpc.AppRpcHook;
import org.olelo.container.internal.rpc.CoreCommands;
import org.olelo.container.internal.rpc.JsonRpc;
import org.olelo.container.internal.rpc.RouterCommands;
import org.olelo.container.internal.rpc.RpcHttpHandler;
import org.olelo.container.internal.rpc.RpcRegistry;
import org.olelo.container.internal.rpc.SubscriberCommands;
import org.olelo.container.internal.rpc.SystemCommands;
import org.olelo.container.internal.shutdown.GracefulShutdown;
import org.olelo.container.internal.shutdown.ShutdownGate;
import org.olelo.container.internal.stats.MetricsEndpoint;
import org.olelo.container.internal.stats.StatisticsCommands;
import org.olelo.container.internal.tls.TlsCommands;
import org.olelo.core.RequestHandler;
import org.olelo.core.SipCore;

/**
 * The operations plane of a running server: the registry of management commands (the container's
 * and the applications'), the HTTP paths with {@code POST /rpc}, the HTTP listener when
 * {@code http.listen} is set, and the graceful shutdown behind {@code core.shutdown}. Built by
 * {@link OleloServer} in steps: the application hook and the container's commands before the
 * deployer starts (so that applications find their {@code RpcCommands} in
 * {@code contextInitialized} and cannot take the container's names), the gate when the SIP core
 * starts, then {@link #start} (the HTTP listener) once everything else runs.
 *
 * <p>Other parts mount their endpoints with {@link #routes()} and add container commands with
 * {@link #commands()}, before or after the start. Start and close on the server's thread.
 */
public final class OperationsPlane implements AutoCloseable {

    private final ManagementSettings settings;
    private final RpcRegistry commands = new RpcRegistry();
    private final HttpRoutes routes;
    private ShutdownGate gate;
    private GracefulShutdown shutdown;
    private volatile HttpServer http;

    OperationsPlane(ManagementSettings settings) {
        this.settings = settings;
        this.routes = new HttpRoutes(settings.token());
        routes.management("/rpc", new RpcHttpHandler(new JsonRpc(commands)));
        ConsolePages.mount(routes);
        SystemCommands.commands(commands).forEach(commands::addContainer);
    }

    /** Wraps the container's factory so that each application gets its commands object and its HTTP side. */
    AppServicesFactory appServices(AppServicesFactory container, AppRegistry apps) {
        AppRpcHook hook = new AppRpcHook(container, commands);
        apps.addListener(hook, false);
        ConvergedHttp converged = new ConvergedHttp(hook, routes, () -> {
            HttpServer h = http;
            return h == null ? null : h.baseUri();
        });
        apps.addListener(converged, false);
        return converged;
    }

    /** Puts the shutdown gate in front of the container; {@code stop} stops the server. */
    RequestHandler gate(RequestHandler container, SipCore core, Runnable stop) {
        gate = new ShutdownGate(container);
        shutdown = new GracefulShutdown(gate, () -> core.transactions().unfinished(), settings.shutdownDrainSeconds(),
                stop);
        return gate;
    }

    /** Adds the container's commands; before the applications deploy, so that none can take their names. */
    void addContainerCommands(OleloServer server, VersionWork work, Instant started) {
        List<List<RpcCommand>> all = List.of(
                CoreCommands.commands(started, () -> shutdown.begin()),
                new AppCommands(server.deployer(), work, server.config().appsDir(),
                        server.config().dataDir().resolve("undeployed")).commands(),
                RouterCommands.commands(server.router(), server::routingWarnings),
                SubscriberCommands.commands(new SubscriberStore(server.database().defaultPool())),
                new StatisticsCommands(server.runtime().statistics()).commands(),
                server.calls().dialogCommands().commands(),
                TlsCommands.commands(() -> server.core().transports()));
        all.forEach(list -> list.forEach(commands::addContainer));
        MetricsEndpoint metrics = new MetricsEndpoint(server.runtime().statistics());
        routes.managementText("/metrics", metrics.contentType(), metrics::scrape);
    }

    /**
     * Opens the HTTP listener when one is configured.
     *
     * @throws HttpListenException when the listener cannot be opened
     */
    void start() throws HttpListenException {
        if (settings.httpListen() != null) {
            http = HttpServer.start(settings.httpListen(), routes);
        }
    }

    /** @return the registry of management commands (add container commands here) */
    public RpcRegistry commands() {
        return commands;
    }

    /** @return the paths of the HTTP listener (mount endpoints here) */
    public HttpRoutes routes() {
        return routes;
    }

    /** @return the running HTTP listener, or null when {@code http.listen} is empty */
    public HttpServer http() {
        return http;
    }

    /** @return the graceful shutdown behind {@code core.shutdown} */
    public GracefulShutdown shutdown() {
        return shutdown;
    }

    /** Closes the HTTP listener. */
    @Override
    public void close() {
        HttpServer h = http;
        http = null;
        if (h != null) {
            h.close();
        }
    }
}
