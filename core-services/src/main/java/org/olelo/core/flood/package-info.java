/**
 * Settings of the flood detection per source address, before parsing (Kamailio's {@code pike}):
 * a source that sends more requests per second than allowed is ignored for a while. The detector
 * itself is {@code org.olelo.core.internal.flood.FloodGuard}.
 */
package org.olelo.core.flood;
