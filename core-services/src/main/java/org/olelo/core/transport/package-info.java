/**
 * Listening points: UDP, TCP, the socket-free in-memory connector used by protocol tests, and the
 * internal transport by which the server sends to itself.
 */
package org.olelo.core.transport;
