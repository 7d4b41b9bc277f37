package org.olelo.apps.presence.service;

/**
 * What the rules need of a PUBLISH.
 *
 * @param aor               the presentity (the Request-URI), {@code sip:user@host}
 * @param user              the Request-URI's user part
 * @param authenticatedUser who the container authenticated ({@code user} or {@code user@domain}), or null
 * @param event             the Event header's package, or null
 * @param ifMatch           the SIP-If-Match value, or null
 * @param expires           the Expires value, or null
 * @param contentType       the body's media type without parameters, or null
 * @param body              the body, empty when none
 * @param sender            the source address, for operators
 */
public record PublishRequest(String aor, String user, String authenticatedUser, String event, String ifMatch,
                             String expires, String contentType, byte[] body, String sender) {
}
