package org.olelo.apps.presence.service;

import org.olelo.apps.presence.pidf.Pidf;

/**
 * One publication of a presentity (RFC 3903): its entity tag, when it ends, when it was received,
 * who sent it and its PIDF body, as stored and as parsed.
 *
 * @param aor        the presentity, {@code sip:user@host}
 * @param etag       the current entity tag
 * @param expiresAt  end, epoch milliseconds
 * @param receivedAt last change or refresh, epoch milliseconds
 * @param sender     the source address, for operators; may be null
 * @param body       the PIDF document as published
 * @param pidf       the parsed document
 */
public record Publication(String aor, String etag, long expiresAt, long receivedAt, String sender, String body,
                          Pidf pidf) {
}
