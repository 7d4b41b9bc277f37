package org.olelo.container.internal.runtime;

import org.olelo.core.routing.Hop;

/**
 * Where an initial request goes when the next application is on this server: the hop over the
 * core's internal transport, and the branch the sender must put in its top Via (the receiving side
 * finds the routing decision by it).
 *
 * @param hop    the hop to send the request (its client transaction) through
 * @param branch the Via branch to use
 */
public record InternalHop(Hop hop, String branch) {
}
