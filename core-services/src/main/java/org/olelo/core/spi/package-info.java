/**
 * The core's extension points: what a plugin implements to add to the SIP core without an edit
 * of it. Each interface says on which threads the core calls it and what it may block on.
 * <ul>
 *   <li>{@link org.olelo.core.spi.TransportFactory}: one per transport kind (UDP, TCP and the
 *       in-memory connector today), found with {@link java.util.ServiceLoader}; the core asks it
 *       for the listening points of its kind.</li>
 *   <li>{@link org.olelo.core.spi.Resolver}: host names to addresses. It may block, so the core
 *       never calls it on a transport reader thread.</li>
 *   <li>{@link org.olelo.core.spi.StatisticsReporter}: publishes the core's counters
 *       ({@link org.olelo.core.spi.CoreCounters}) elsewhere, e.g. as metrics; found with
 *       {@link java.util.ServiceLoader}; it reads, so nothing is added per message.</li>
 *   <li>{@link org.olelo.core.spi.ConnectionListener}: told when a stream listening point loses a
 *       connection (through {@link org.olelo.core.spi.ConnectionEvents}), to drop what could
 *       only be reached over it.</li>
 * </ul>
 * Types here depend only on the public packages of the core, never on its implementation
 * ({@code org.olelo.core.internal}).
 */
package org.olelo.core.spi;
