/**
 * Flood detection per source address, before parsing (Kamailio's {@code pike}): a source that
 * sends more requests per second than allowed is ignored for a while.
 */
package org.olelo.core.flood;
