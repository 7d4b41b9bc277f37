/**
 * The rules of presence, free of the servlet API: publications (RFC 3903), subscriptions and their
 * notifications (RFC 6665, RFC 3856), watcher authorisation and watcher information (RFC 3857).
 * {@link org.olelo.apps.presence.service.PresenceService} decides and keeps the state; the servlet
 * layer turns its answers into SIP and sends NOTIFYs through a
 * {@link org.olelo.apps.presence.service.NotifyChannel}.
 */
package org.olelo.apps.presence.service;
