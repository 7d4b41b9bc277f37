/**
 * What Olelo offers applications beyond the SIP Servlet API. Applications compile against this
 * module with scope {@code provided}; the container supplies its classes to every application
 * (they are loaded from the container first, like {@code jakarta.*}), so one type is shared by
 * the container and all applications.
 *
 * <ul>
 * <li>{@link org.olelo.api.rpc}: management commands an application contributes to the server's
 *     JSON-RPC interface (and so to {@code olelo ctl} and the console);</li>
 * <li>{@link org.olelo.api.stats}: counters, gauges and timers an application registers, read by
 *     the statistics commands and exported as metrics;</li>
 * <li>{@link org.olelo.api.net}: the connections of the server's stream listening points, as
 *     far as an application keeps state reached through one (closed WebSocket connections);</li>
 * <li>{@link org.olelo.api.cluster}: maps replicated to every node of a cluster, present only
 *     when clustering is on.</li>
 * </ul>
 *
 * <p>Each service is found as a {@code ServletContext} attribute named by the {@code ATTRIBUTE}
 * constant of its interface, present from before the application's first
 * {@code contextInitialized} to the end of its {@code contextDestroyed}. What an application
 * registers is its own: it is removed when the application is undeployed.
 */
package org.olelo.api;
