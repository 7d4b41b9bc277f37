/**
 * The stateful proxy of JSR 359 on Olelo's transaction layer: branches, parallel and sequential
 * forking, Timer C, record-routing, best-response selection (RFC 3261 §16.7), CANCEL handling, and
 * the relaying of subsequent requests in a record-routed dialog. A session whose application
 * proxies plays the {@link org.olelo.container.internal.proxy.ProxyRole}, which owns the
 * {@link org.olelo.container.internal.proxy.ProxiedDialog}; a branch asks for the next application of
 * this server through {@code NextApplication}, defined below this package and implemented by the
 * composer above it.
 *
 * <p>Everything here runs on the serial executor of the application session (or of the relay),
 * except the client-transaction callbacks, which only hand responses over to it.
 */
package org.olelo.container.internal.proxy;
