/**
 * What a listening point is ({@link org.olelo.core.transport.Transport}), how it hands messages
 * to the core ({@link org.olelo.core.transport.InboundSink}) and how one is configured; plus the
 * two transports without sockets: the in-memory connector for tests and embedding, and the
 * internal transport by which the server sends to itself. The socket transports are in
 * {@code org.olelo.core.internal.transport}; new kinds come through
 * {@code org.olelo.core.spi.TransportFactory}.
 */
package org.olelo.core.transport;
