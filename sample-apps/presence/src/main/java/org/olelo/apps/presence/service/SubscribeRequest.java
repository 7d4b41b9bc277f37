package org.olelo.apps.presence.service;

/**
 * What the rules need of an initial SUBSCRIBE.
 *
 * @param id                the SIP session's id, the subscription's identifier
 * @param presentity        the Request-URI, {@code sip:user@host}
 * @param presentityUser    the Request-URI's user part
 * @param watcher           the watcher: the authenticated identity, else the From URI, {@code sip:user@host}
 * @param watcherHost       the watcher's domain
 * @param authenticatedUser who the container authenticated, or null
 * @param event             the Event header's package, or null
 * @param expires           the Expires value, or null
 * @param callId            the Call-ID
 * @param accept            the Accept header values (media ranges), empty when there is none
 */
public record SubscribeRequest(String id, String presentity, String presentityUser, String watcher, String watcherHost,
                               String authenticatedUser, String event, String expires, String callId,
                               java.util.List<String> accept) {
}
