package org.olelo.container.internal.http;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.Options;

/**
 * The HTTP listener: one Undertow server bound to {@code http.listen}, serving the paths of an
 * {@link HttpRoutes}. One I/O thread parses requests; handlers run on a small pool of worker
 * threads (at most {@value #WORKERS}), so a slow management call never holds up the parsing of
 * others and never touches a SIP thread. Request bodies above {@link Replies#MAX_BODY_BYTES} are
 * refused, the request line and headers may take 64 KiB, idle connections are closed after 60 s.
 *
 * <p>{@link #start} and {@link #close} are called by the server's start and stop, on their thread.
 */
public final class HttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);
    /** Worker threads that run handlers. */
    static final int WORKERS = 4;

    private final Undertow undertow;
    private final InetSocketAddress bound;

    private HttpServer(Undertow undertow, InetSocketAddress bound) {
        this.undertow = undertow;
        this.bound = bound;
    }

    /**
     * Binds and starts the listener.
     *
     * @param address where to listen (port 0: any free port); resolved here
     * @param routes  the paths to serve
     * @return the running server
     * @throws HttpListenException when the address cannot be bound, with one line saying where and why
     */
    public static HttpServer start(InetSocketAddress address, HttpRoutes routes) throws HttpListenException {
        InetSocketAddress resolved = address.isUnresolved()
                ? new InetSocketAddress(address.getHostString(), address.getPort()) : address;
        if (resolved.isUnresolved()) {
            throw new HttpListenException("http.listen " + address.getHostString() + ":" + address.getPort()
                    + ": unknown host", null);
        }
        Undertow u = Undertow.builder()
                .addHttpListener(resolved.getPort(), resolved.getAddress().getHostAddress())
                .setIoThreads(1)
                .setWorkerThreads(WORKERS)
                .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, (long) Replies.MAX_BODY_BYTES)
                .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, 60_000)
                .setServerOption(UndertowOptions.MAX_HEADER_SIZE, 64 * 1024)
                .setServerOption(UndertowOptions.ALWAYS_SET_DATE, true)
                .setSocketOption(Options.REUSE_ADDRESSES, true)
                .setHandler(routes.root())
                .build();
        try {
            u.start();
        } catch (RuntimeException e) {
            quietlyStop(u);
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            String why = cause instanceof java.net.BindException ? "address already in use or not available"
                    : String.valueOf(cause.getMessage());
            throw new HttpListenException("http.listen " + hostPort(resolved) + ": " + why
                    + " (choose another address with http.listen, or leave it empty for no HTTP listener)", cause);
        }
        SocketAddress local = u.getListenerInfo().get(0).getAddress();
        InetSocketAddress bound = local instanceof InetSocketAddress i ? i : resolved;
        LOG.info("HTTP listener on {}: {}", hostPort(bound), routes.paths());
        return new HttpServer(u, bound);
    }

    /** @return the address actually bound (the port chosen when 0 was asked) */
    public InetSocketAddress address() {
        return bound;
    }

    /** @return {@code http://host:port} of the listener */
    public String baseUri() {
        return "http://" + hostPort(bound);
    }

    /** Stops accepting, then stops the threads; requests in progress are cut. */
    @Override
    public void close() {
        quietlyStop(undertow);
    }

    private static void quietlyStop(Undertow u) {
        try {
            u.stop();
        } catch (RuntimeException e) {
            LOG.debug("HTTP listener stop", e);
        }
    }

    static String hostPort(InetSocketAddress a) {
        String host = a.getAddress() != null ? a.getAddress().getHostAddress() : a.getHostString();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
    }
}
