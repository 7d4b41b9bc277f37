/**
 * The lcr tables in the database: their Flyway migration ({@code db/lcr/}) and the read of one
 * {@code lcr_id}'s rows into a {@link org.olelo.apps.lcr.route.RouteTable}.
 */
package org.olelo.apps.lcr.store;
