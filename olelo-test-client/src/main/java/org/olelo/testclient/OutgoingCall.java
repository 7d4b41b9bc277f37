package org.olelo.testclient;

import java.util.List;

/**
 * A call the test client placed: the INVITE is sent when the call is made; the test then waits
 * for responses ({@link #expect}, {@link #expectAnswer}), acknowledges the answer, hangs up or
 * cancels. Test thread only.
 */
public final class OutgoingCall {

    private final SipTestClient client;
    private final ClientTransaction invite;
    private final Dialog dialog;
    private SipMessage answer;

    OutgoingCall(SipTestClient client, Request request) {
        this.client = client;
        SipMessage first = request.build();
        this.dialog = new Dialog(first.callId(), first.header("From"), first.header("To"), request.uri(), 1);
        client.dialog(dialog);
        this.invite = request.start();
    }

    /** @return the INVITE as last sent */
    public SipMessage invite() {
        return invite.request();
    }

    /**
     * Waits for a response with that status, e.g. 180 or 486; a final response with another
     * status fails at once. A 2xx establishes the dialog (as {@link #expectAnswer} does).
     */
    public SipMessage expect(int status) {
        SipMessage r = invite.expect(status, client.timeout());
        if (status >= 200 && status < 300) {
            answered(r);
        }
        return r;
    }

    /** Waits for the 2xx, skipping provisional responses; any other final response fails. */
    public SipMessage expectAnswer() {
        SipMessage r = invite.expectFinal(client.timeout());
        if (r.status() >= 300) {
            throw new AssertionError("expected the call to be answered but got: " + r.startLine() + "\n" + r);
        }
        answered(r);
        return r;
    }

    private void answered(SipMessage r) {
        answer = r;
        dialog.confirmAsCaller(r);
    }

    /** Sends the ACK of the 2xx (again when the 2xx comes again). */
    public OutgoingCall ack() {
        if (answer == null) {
            throw new IllegalStateException("the call is not answered yet: call expectAnswer() first");
        }
        Request ack = dialog.request(client, "ACK", invite.request().cseq());
        SipMessage m = ack.build();
        client.rememberAck(answer, m);
        client.sendTo(m, ack.destination());
        return this;
    }

    /** Hangs up: sends BYE inside the dialog and returns its final response. */
    public SipMessage bye() {
        return dialog.request(client, "BYE", 0).send();
    }

    /** Sends any request inside the dialog (e.g. INFO, re-INVITE without body) and returns its final response. */
    public SipMessage request(String method) {
        return dialog.request(client, method, 0).send();
    }

    /**
     * Cancels the ringing call (RFC 3261 §9.1) and returns the response to the CANCEL; the INVITE's
     * {@code 487} then comes through {@link #expect}.
     */
    public SipMessage cancel() {
        SipMessage sent = invite.request();
        Request cancel = client.request("CANCEL", sent.requestUri()).inDialog(sent.callId(), sent.cseq(), sent.header("From"),
                sent.header("To"), List.copyOf(sent.headers("Route")), null).branch(sent.branch());
        return cancel.send();
    }

    /** Waits for the other side's BYE (the client has answered it 200). */
    public SipMessage expectBye() {
        return dialog.inbox.take(m -> m.method().equals("BYE"), client.timeout(), "a BYE");
    }
}
