package org.olelo.testclient;

/**
 * A subscription of the test client (RFC 6665): the SUBSCRIBE is sent when it is made; NOTIFYs
 * arrive in its dialog and are answered {@code 200} by the client as they arrive. Test thread only.
 */
public final class Subscription {

    private final SipTestClient client;
    private final Dialog dialog;
    private final ClientTransaction subscribe;
    private final String event;
    private SipMessage response;

    Subscription(SipTestClient client, Request request) {
        this.client = client;
        SipMessage first = request.build();
        this.event = first.header("Event");
        this.dialog = new Dialog(first.callId(), first.header("From"), first.header("To"), request.uri(), 1);
        client.dialog(dialog);
        this.subscribe = request.start();
    }

    /** Waits for the final response to the SUBSCRIBE. */
    public SipMessage response() {
        if (response == null) {
            response = subscribe.expectFinal(client.timeout());
            if (response.status() < 300) {
                dialog.confirmAsCaller(response);
            }
        }
        return response;
    }

    /** Waits for the next NOTIFY (answered 200 already) and returns it. */
    public SipMessage expectNotify() {
        SipMessage notify = dialog.inbox.take(m -> m.method().equals("NOTIFY"), client.timeout(), "a NOTIFY");
        dialog.confirmAsSubscriber(notify);
        return notify;
    }

    /** Refreshes the subscription inside its dialog ({@code 0} ends it) and returns the final response. */
    public SipMessage refresh(int expires) {
        response();
        return dialog.request(client, "SUBSCRIBE", 0).header("Event", event).header("Expires", Integer.toString(expires)).send();
    }
}
