/**
 * SIP over TLS (RFC 3261 §26, RFC 5246/8446): the {@code tls:} listening points, found by the core
 * through {@link org.olelo.core.spi.TransportFactory}, and {@link org.olelo.transport.tls.TlsContexts},
 * which builds the server and client {@link javax.net.ssl.SSLContext}s from the {@code tls.*}
 * settings for this transport and for others that speak TLS (secure WebSockets). JSSE only: TLS
 * 1.2 and 1.3 with forward-secret AEAD cipher suites.
 */
package org.olelo.transport.tls;
