/**
 * Accounting of proxied calls in the default database (Kamailio's acc): the tables {@code acc},
 * {@code missed_calls} and {@code acc_cdrs} of the container's migrations, fed by the sessions'
 * dialog events ({@link org.olelo.container.internal.acc.Accounting}) and written by one thread
 * off the message path ({@link org.olelo.container.internal.acc.AccWriter}).
 */
package org.olelo.container.internal.acc;
