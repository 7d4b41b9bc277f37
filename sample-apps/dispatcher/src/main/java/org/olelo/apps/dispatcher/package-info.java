/**
 * Load balancing over sets of destinations with health probing: the SIP servlet counterpart of
 * Kamailio's dispatcher module ({@code ds_select_domain}, {@code ds_next_domain}, OPTIONS
 * keep-alives). Destinations come from the {@code dispatcher} table or a {@code dispatcher.list}
 * file; {@link org.olelo.apps.dispatcher.DispatcherServlet} relays each initial request to the one
 * the set's {@link org.olelo.apps.dispatcher.Algorithm} picks and fails over to the next on
 * 408/5xx; {@link org.olelo.apps.dispatcher.Prober} sends OPTIONS and marks destinations
 * inactive or active again.
 */
package org.olelo.apps.dispatcher;
