/**
 * The HTTP listener (Undertow): one server on {@code http.listen} that carries the management
 * endpoints ({@code /rpc} and whatever other parts mount, such as {@code /metrics} or
 * {@code /console/}) and the HTTP side of converged applications (mounted by
 * {@code org.olelo.container.internal.converged}).
 *
 * <p>{@link org.olelo.container.internal.http.HttpServer} owns the server;
 * {@link org.olelo.container.internal.http.HttpRoutes} is the registry of paths other parts mount
 * handlers on without touching the server; {@link org.olelo.container.internal.http.ManagementAccess}
 * guards the management paths (loopback clients only, or a bearer token).
 *
 * <p>Threads: Undertow's I/O thread accepts and parses; every handler mounted here is dispatched
 * to an Undertow worker thread before it runs, so it may block briefly (a database read). No SIP
 * reader thread ever runs HTTP code.
 */
package org.olelo.container.internal.http;
