package org.olelo.testclient;

/**
 * A call the test client received: it has answered {@code 100 Trying} already; the test rings,
 * answers or rejects it, then waits for the ACK and the BYE, or hangs up itself. A CANCEL from the
 * caller is answered by the client ({@code 200} to it, {@code 487} to the INVITE) and can be
 * awaited with {@link #expectCancel}. Test thread only.
 */
public final class IncomingCall {

    private final SipTestClient client;
    private final ServerTransaction tx;
    private final Dialog dialog;
    private final String tag = SipTestClient.token();

    IncomingCall(SipTestClient client, ServerTransaction tx) {
        this.client = client;
        this.tx = tx;
        SipMessage invite = tx.request;
        this.dialog = new Dialog(invite.callId(), invite.header("To") + ";tag=" + tag, invite.header("From"),
                SipAddress.uri(invite.header("Contact") != null ? invite.headers("Contact").get(0) : invite.header("From")), 0);
        dialog.confirmAsCallee(invite, invite.header("To") + ";tag=" + tag);
        client.dialog(dialog);
    }

    /** @return the INVITE */
    public SipMessage invite() {
        return tx.request;
    }

    /** Answers {@code 180 Ringing}. */
    public IncomingCall ring() {
        tx.respond(Responses.of(tx.request, 180, tag, client.contact(), null, null));
        return this;
    }

    /** Answers {@code 200 OK} with an SDP answer (null: no body). */
    public IncomingCall answer(String sdp) {
        tx.respond(Responses.of(tx.request, 200, tag, client.contact(), "application/sdp", sdp));
        return this;
    }

    /** Answers with a final error status, e.g. 486; the ACK is taken by the client. */
    public IncomingCall reject(int status, String... headers) {
        tx.respond(Responses.of(tx.request, status, tag, null, null, null, headers));
        return this;
    }

    /** Waits for the ACK of the 2xx. */
    public SipMessage expectAck() {
        return dialog.inbox.take(m -> m.method().equals("ACK"), client.timeout(), "the ACK");
    }

    /** Waits for the caller's BYE (the client has answered it 200). */
    public SipMessage expectBye() {
        return dialog.inbox.take(m -> m.method().equals("BYE"), client.timeout(), "a BYE");
    }

    /** Waits for the caller's CANCEL (already answered, and the INVITE with 487). */
    public SipMessage expectCancel() {
        return dialog.inbox.take(m -> m.method().equals("CANCEL"), client.timeout(), "a CANCEL");
    }

    /** Hangs up: sends BYE inside the dialog and returns its final response. */
    public SipMessage bye() {
        return dialog.request(client, "BYE", 0).send();
    }
}
