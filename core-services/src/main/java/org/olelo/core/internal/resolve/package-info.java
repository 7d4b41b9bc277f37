/**
 * Host-name look-ups for the core's next-hop resolution: bounded in number, cached for a while,
 * and never on a transport reader thread.
 */
package org.olelo.core.internal.resolve;
