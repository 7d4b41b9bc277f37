/**
 * What the message, session, user-agent, proxy and composition layers share at run time: the
 * {@link org.olelo.container.internal.runtime.ContainerRuntime} (SIP core, session table, timers,
 * virtual threads, local domains, admission), and the port through which a request an application
 * sends on asks for the next application of this server
 * ({@link org.olelo.container.internal.runtime.NextApplication}, implemented by the composer above).
 *
 * <p>Nothing here runs on its own thread; the types are used from transport reader threads and
 * application session executors alike, and none of them blocks.
 */
package org.olelo.container.internal.runtime;
