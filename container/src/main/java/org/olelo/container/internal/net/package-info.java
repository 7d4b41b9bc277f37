/**
 * The server's connections as the applications see them: closed connections reported by the core
 * ({@code org.olelo.core.spi.ConnectionEvents}) passed to the applications' listeners
 * ({@code org.olelo.api.net.Connections}).
 */
package org.olelo.container.internal.net;
