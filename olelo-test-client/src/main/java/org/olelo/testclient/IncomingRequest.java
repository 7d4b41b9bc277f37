package org.olelo.testclient;

/**
 * A request the server sent to the test client, to look at and answer:
 * {@code client.expectRequest("MESSAGE").assertBodyContains("hi").respond(200)}. Test thread only.
 */
public final class IncomingRequest {

    private final ServerTransaction tx;
    private final String toTag = SipTestClient.token();

    IncomingRequest(ServerTransaction tx) {
        this.tx = tx;
    }

    /** @return the request */
    public SipMessage request() {
        return tx.request;
    }

    /** Fails unless the body contains {@code text}. */
    public IncomingRequest assertBodyContains(String text) {
        tx.request.assertBodyContains(text);
        return this;
    }

    /** Fails unless a header of that name contains {@code text}. */
    public IncomingRequest assertHeader(String name, String text) {
        tx.request.assertHeader(name, text);
        return this;
    }

    /** Answers with {@code code} and further header fields given as {@code Name: value}. */
    public IncomingRequest respond(int code, String... headers) {
        tx.respond(Responses.of(tx.request, code, toTag, null, null, null, headers));
        return this;
    }

    /** Answers with {@code code} and a body. */
    public IncomingRequest respond(int code, String contentType, String body, String... headers) {
        tx.respond(Responses.of(tx.request, code, toTag, null, contentType, body, headers));
        return this;
    }
}
