package org.olelo.apps.presence;

import jakarta.servlet.sip.SipServletRequest;
import jakarta.servlet.sip.SipSession;
import org.olelo.apps.presence.service.NotifyChannel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The NOTIFYs of one subscription, sent in its dialog ({@code session.createRequest("NOTIFY")})
 * with the Event header of the SUBSCRIBE (its {@code id} parameter included) and the
 * Subscription-State the service gives. Called on whichever thread changed the presentity; sending
 * hands the message to the container's transaction layer and does not wait for the answer.
 */
final class SessionChannel implements NotifyChannel {

    private final SipSession session;
    private final String event;

    SessionChannel(SipSession session, String event) {
        this.session = session;
        this.event = event;
    }

    @Override
    public boolean notify(String subscriptionState, String contentType, String body) {
        try {
            SipServletRequest notify = session.createRequest("NOTIFY");
            notify.setHeader("Event", event);
            notify.setHeader("Subscription-State", subscriptionState);
            if (body != null) {
                notify.setContent(body.getBytes(StandardCharsets.UTF_8), contentType);
            }
            notify.send();
            return true;
        } catch (IllegalStateException | IOException e) {
            return false;
        }
    }
}
