/**
 * The presence server sample application: PUBLISH (RFC 3903) and SUBSCRIBE/NOTIFY (RFC 6665,
 * RFC 3856) for the {@code presence} event package, watcher information ({@code presence.winfo},
 * RFC 3857/3858) and watcher authorisation, kept in the container's database. This package holds
 * the servlet API side: the listener that starts it, the servlet, the NOTIFY channel over a SIP
 * session and the management commands; the rules are in {@code service}, the documents in
 * {@code pidf}, the tables in {@code store}.
 */
package org.olelo.apps.presence;
