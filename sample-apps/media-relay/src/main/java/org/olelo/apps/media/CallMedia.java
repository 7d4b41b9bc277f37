package org.olelo.apps.media;

import jakarta.servlet.sip.SipApplicationSession;
import org.olelo.apps.media.ng.NgInstance;
import org.olelo.apps.media.ng.NgInstances;

/**
 * What the application keeps of a call in its application session, as attributes of plain
 * strings: the rtpengine instance that holds its media ({@value #INSTANCE}), the Call-ID and the
 * caller's tag the session was opened with ({@value #CALL_ID}, {@value #FROM_TAG}), and, between a 2xx carrying an offer (the INVITE
 * had no SDP) and its ACK, the tag of the party that offered ({@value #LATE_OFFER}). Read and
 * written on the call's application-session thread only.
 */
final class CallMedia {

    static final String INSTANCE = "org.olelo.apps.media.instance";
    static final String FROM_TAG = "org.olelo.apps.media.from-tag";
    static final String LATE_OFFER = "org.olelo.apps.media.late-offer";
    static final String CALL_ID = "org.olelo.apps.media.call-id";

    private CallMedia() {
    }

    /** The instance holding the call's media, or null when none does (yet, or any more). */
    static NgInstance instance(SipApplicationSession as, NgInstances instances) {
        return as.getAttribute(INSTANCE) instanceof String name ? instances.named(name).orElse(null) : null;
    }

    /** Notes that {@code instance} holds the media opened by the party with tag {@code fromTag}. */
    static void opened(SipApplicationSession as, NgInstance instance, String callId, String fromTag) {
        as.setAttribute(INSTANCE, instance.name());
        as.setAttribute(CALL_ID, callId);
        as.setAttribute(FROM_TAG, fromTag);
    }

    /** The tag the media session was opened with. */
    static String fromTag(SipApplicationSession as) {
        return as.getAttribute(FROM_TAG) instanceof String s ? s : null;
    }

    /** The Call-ID the media session was opened with. */
    static String callId(SipApplicationSession as) {
        return as.getAttribute(CALL_ID) instanceof String s ? s : null;
    }

    /** Forgets the media session (deleted). */
    static void closed(SipApplicationSession as) {
        as.removeAttribute(INSTANCE);
        as.removeAttribute(FROM_TAG);
        as.removeAttribute(CALL_ID);
        as.removeAttribute(LATE_OFFER);
    }
}
