/**
 * The container as a SIP user agent: requests that applications create and send (UAC), dialogs
 * that applications answer (UAS), back-to-back user agents, reliable provisional responses
 * (RFC 3262), dialog updates and session timers (RFC 4028).
 *
 * <p>Everything here runs on the serial executor of the application session that owns the dialog,
 * except the client-transaction callbacks, which only hand responses over to that executor.
 */
package org.olelo.container.internal.ua;
