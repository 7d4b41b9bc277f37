/** Listening points: UDP, TCP, and the socket-free in-memory connector used by protocol tests. */
package org.olelo.core.transport;
