package org.olelo.testclient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One request the client sent and the responses it gets. Over UDP the request is sent again
 * after 0.5 s, 1 s, 2 s, 4 s... until a response ends that (any response for INVITE, a final one
 * otherwise). A response received again is not handed to the test twice; a non-2xx final response
 * to INVITE is acknowledged at once (and again when it comes again). A 401 or 407 is answered once
 * with the client's credentials: the request goes again with the next CSeq and an Authorization,
 * and the test sees only the responses to that one. Reader threads add responses; the test thread
 * takes them.
 */
final class ClientTransaction {

    private final SipTestClient client;
    private final Inbox responses;
    private final Set<String> seen = new HashSet<>();
    private final List<SipMessage> all = new ArrayList<>();
    private Request request;
    private SipMessage sent;
    private SipMessage ack;
    private ScheduledFuture<?> retransmit;
    private boolean authenticated;

    ClientTransaction(SipTestClient client, Request request) {
        this.client = client;
        this.request = request;
        this.responses = new Inbox("the " + request.method() + " transaction to " + request.uri());
    }

    /** Sends the request and starts the retransmissions. */
    synchronized void start() {
        sent = request.build();
        client.register(sent.branch() + " " + sent.method(), this);
        client.sendTo(sent, request.destination());
        if (client.isUdp()) {
            schedule(500);
        }
    }

    private void schedule(long delay) {
        long started = System.nanoTime();
        retransmit = client.timers().schedule(() -> resend(delay, started), delay, TimeUnit.MILLISECONDS);
    }

    private synchronized void resend(long delay, long started) {
        if (retransmit == null || System.nanoTime() - started > TimeUnit.SECONDS.toNanos(32)) {
            return;
        }
        client.sendTo(sent, request.destination());
        schedule(Math.min(delay * 2, 4000));
    }

    private void stopRetransmitting() {
        if (retransmit != null) {
            retransmit.cancel(false);
            retransmit = null;
        }
    }

    /** A response for this transaction (reader thread). */
    synchronized void received(SipMessage r) {
        boolean invite = sent.method().equals("INVITE");
        if (r.status() >= 200 || invite) {
            stopRetransmitting();
        }
        String key = r.status() + " " + r.toTag() + " " + r.cseq();
        if (!seen.add(key)) {
            if (r.status() >= 300 && invite && ack != null) {
                client.sendTo(ack, request.destination());
            } else if (r.status() >= 200 && r.status() < 300 && invite) {
                client.resendAck(r);
            }
            return;
        }
        if (r.status() >= 300 && invite) {
            ack = Request.nonSuccessAck(sent, r);
            client.sendTo(ack, request.destination());
        }
        if ((r.status() == 401 || r.status() == 407) && !authenticated && client.credentials() != null) {
            String challenge = Digest.choose(r.headers(r.status() == 401 ? "WWW-Authenticate" : "Proxy-Authenticate"));
            if (challenge != null) {
                authenticated = true;
                String[] cred = client.credentials();
                request = request.next().header(r.status() == 401 ? "Authorization" : "Proxy-Authorization",
                        Digest.answer(challenge, cred[0], cred[1], request.method(), request.uri()));
                start();
                return;
            }
        }
        all.add(r);
        responses.add(r);
    }

    /** @return the request as last sent (after an authentication, the one with credentials) */
    synchronized SipMessage request() {
        return sent;
    }

    /**
     * Waits for a response with status {@code code}; a final response with another code fails
     * at once.
     */
    SipMessage expect(int code, Duration timeout) {
        SipMessage r = responses.take(m -> m.status() == code || m.status() >= 200, timeout, "a " + code + " to " + request.method());
        if (r.status() != code) {
            throw new AssertionError("expected " + code + " to " + request.method() + " but got: " + r.startLine() + "\n" + r);
        }
        return r;
    }

    /** Waits for the final response, skipping provisional ones. */
    SipMessage expectFinal(Duration timeout) {
        return responses.take(m -> m.status() >= 200, timeout, "a final response to " + request.method());
    }

    /** @return the responses received so far, retransmissions left out */
    synchronized List<SipMessage> responses() {
        return List.copyOf(all);
    }
}
