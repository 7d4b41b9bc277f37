/**
 * The routing data of least-cost routing and the choice of gateways for a number: gateways
 * ({@code lcr_gw}), rules with their targets ({@code lcr_rule}, {@code lcr_rule_target}) and the
 * immutable {@link org.olelo.apps.lcr.route.RouteTable} that matches them. No SIP, no database:
 * plain data, so it is tested alone.
 */
package org.olelo.apps.lcr.route;
