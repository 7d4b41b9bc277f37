/**
 * NAT help for the proxy path (Kamailio's {@code nathelper}): the Contact of a request or response
 * from a user agent behind NAT is rewritten to the address it really came from, so that requests
 * later sent to that Contact find their way back through the NAT.
 */
package org.olelo.container.internal.nat;
