/**
 * SIP over WebSocket (RFC 7118): the {@code ws:} and {@code wss:} listening points that browsers
 * (WebRTC clients such as JsSIP and SIP.js) connect to. A plug-in of the core found by
 * {@link java.util.ServiceLoader} ({@link org.olelo.transport.ws.WsTransportFactory},
 * {@link org.olelo.transport.ws.WssTransportFactory}); it depends on the core's public packages,
 * and for {@code wss:} on the TLS module's {@code org.olelo.transport.tls.TlsContexts}.
 *
 * <p>The WebSocket protocol (RFC 6455) is done here on the JDK's blocking sockets and virtual
 * threads, as the TCP transport does: the opening handshake requires the {@code sip} subprotocol,
 * each text or binary message is one SIP message, pings are answered, closes echoed. A WebSocket
 * listening point never connects out; a closed connection is reported to the core's
 * {@link org.olelo.core.spi.ConnectionEvents} so that the registrations that came over it go.
 */
package org.olelo.transport.ws;
