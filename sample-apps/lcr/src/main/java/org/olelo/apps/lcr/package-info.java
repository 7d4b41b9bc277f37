/**
 * Least-cost routing, the SIP servlet equivalent of Kamailio's {@code lcr} module
 * ({@code load_gws(); next_gw();} with failover): an INVITE's number is matched against the
 * rules of the configured {@code lcr_id}, and the call goes to their gateways one after the other
 * until one answers. {@link org.olelo.apps.lcr.LcrListener} starts it,
 * {@link org.olelo.apps.lcr.LcrServlet} routes, {@link org.olelo.apps.lcr.LcrCommands} are its
 * management commands ({@code lcr.reload}, {@code lcr.dump_gws}, {@code lcr.dump_rules}).
 */
package org.olelo.apps.lcr;
