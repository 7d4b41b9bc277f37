/**
 * The socket listening points (UDP, TCP with its stream framing and connection limits) and the
 * factories by which the core finds them, one per transport kind.
 */
package org.olelo.core.internal.transport;
