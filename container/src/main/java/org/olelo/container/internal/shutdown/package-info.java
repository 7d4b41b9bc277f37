/**
 * A shutdown asked for while the server runs ({@code core.shutdown}): new initial requests are
 * refused with 503 while the transactions in progress finish, for at most
 * {@code shutdown.drain.seconds}, then the server stops as on SIGTERM.
 */
package org.olelo.container.internal.shutdown;
