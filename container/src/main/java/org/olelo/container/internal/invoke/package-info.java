/** Servlet invocation: executors of virtual threads and one-at-a-time execution per application session. */
package org.olelo.container.internal.invoke;
