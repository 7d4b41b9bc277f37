package org.olelo.container.internal.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.PathHandler;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The paths of the HTTP listener: other parts of the server mount their handlers here, before or
 * after the listener starts, without knowing the server. A path ending in {@code /} takes
 * everything below it ({@code /console/}), any other path only itself ({@code /rpc}); a path is
 * mounted once. A management path is guarded by {@link ManagementAccess}. Every handler is
 * dispatched to a worker thread before it runs, and an exception it throws becomes a bare 500
 * (the details go to the log at WARN, never into the reply). Unknown paths get 404.
 *
 * <p>Thread-safe: mounting is synchronised, look-ups are Undertow's.
 */
public final class HttpRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(HttpRoutes.class);

    /** No look-up cache: Undertow's is not cleared when a path is added or removed (applications come and go). */
    private final PathHandler paths = new PathHandler(0);
    private final String token;
    private final Map<String, Boolean> mounted = new TreeMap<>();

    /** @param token the management token; empty for none (loopback clients only) */
    public HttpRoutes(String token) {
        this.token = token == null ? "" : token;
    }

    /**
     * Mounts a management endpoint (guarded by the loopback rule or the token).
     *
     * @param path    {@code /rpc}, or {@code /console/} for a prefix
     * @param handler what serves it; it may block (it runs on a worker thread)
     * @throws IllegalArgumentException when the path does not start with {@code /} or is taken
     */
    public void management(String path, HttpHandler handler) {
        mount(path, new ManagementAccess(token, handler), true);
    }

    /**
     * Mounts a management endpoint that answers GET with text, e.g. {@code /metrics} with
     * {@code text/plain; version=0.0.4}.
     *
     * @param path        the path
     * @param contentType the reply's content type
     * @param body        makes the body at each request
     */
    public void managementText(String path, String contentType, Supplier<String> body) {
        management(path, exchange -> {
            if (!exchange.getRequestMethod().equals(Methods.GET) && !exchange.getRequestMethod().equals(Methods.HEAD)) {
                exchange.getResponseHeaders().put(Headers.ALLOW, "GET, HEAD");
                Replies.text(exchange, 405, "method not allowed: use GET\n");
                return;
            }
            String text = body.get();
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, contentType);
            exchange.getResponseSender().send(text);
        });
    }

    /**
     * Mounts a path open to every client the listener accepts (the HTTP side of applications).
     *
     * @param path    the path
     * @param handler what serves it
     */
    public void open(String path, HttpHandler handler) {
        mount(path, handler, false);
    }

    /**
     * Removes a path mounted with {@link #open}; requests to it get 404 from then on. Management
     * paths stay.
     *
     * @param path the path as it was mounted
     * @return whether it was mounted (and is now removed)
     */
    public synchronized boolean unmount(String path) {
        if (!Boolean.FALSE.equals(mounted.get(path))) {
            return false;
        }
        if (path.endsWith("/")) {
            paths.removePrefixPath(path);
        } else {
            paths.removeExactPath(path);
        }
        mounted.remove(path);
        return true;
    }

    /** @return the mounted paths, sorted, each with whether it is a management path */
    public synchronized Map<String, Boolean> mounted() {
        return Map.copyOf(mounted);
    }

    /** @return the mounted paths */
    public synchronized Set<String> paths() {
        return Set.copyOf(mounted.keySet());
    }

    /** The root handler the server runs: the path table. */
    HttpHandler root() {
        return paths;
    }

    private synchronized void mount(String path, HttpHandler handler, boolean management) {
        if (path == null || !path.startsWith("/") || path.length() < 2) {
            throw new IllegalArgumentException("a path starts with / and names something: " + path);
        }
        if (mounted.containsKey(path)) {
            throw new IllegalArgumentException("path " + path + " is already mounted");
        }
        HttpHandler safe = new Dispatched(path, handler);
        if (path.endsWith("/")) {
            paths.addPrefixPath(path, safe);
        } else {
            paths.addExactPath(path, safe);
        }
        mounted.put(path, management);
    }

    /** Moves the exchange to a worker thread and turns an exception into a bare 500. */
    private record Dispatched(String path, HttpHandler next) implements HttpHandler {
        @Override
        public void handleRequest(HttpServerExchange exchange) {
            if (exchange.isInIoThread()) {
                exchange.dispatch(this);
                return;
            }
            try {
                next.handleRequest(exchange);
            } catch (Exception | LinkageError | StackOverflowError e) {
                LOG.warn("HTTP {} {} failed", exchange.getRequestMethod(), path, e);
                if (!exchange.isResponseStarted()) {
                    exchange.getResponseHeaders().clear();
                    Replies.text(exchange, 500, "internal error\n");
                } else {
                    exchange.endExchange();
                }
            }
        }
    }
}
