package org.olelo.apps.presence.service;

/**
 * A request the rules accepted: the status of the answer (200, or 202 for a pending subscription),
 * the granted expiry in seconds, the entity tag of a publication (else null) and the subscription
 * of a SUBSCRIBE (else null), whose NOTIFY {@link PresenceService#afterAnswer} sends once the answer
 * is out.
 */
public record Accepted(int status, long expires, String etag, Subscription subscription) {
}
