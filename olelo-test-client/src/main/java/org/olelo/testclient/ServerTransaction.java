package org.olelo.testclient;

import java.net.InetSocketAddress;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A request the client received and the last response it gave. The same request received again
 * (a retransmission) gets that response again and is not handed to the test twice. A 2xx to
 * INVITE over UDP is sent again after 0.5 s, 1 s, 2 s, 4 s... until its ACK arrives (RFC 3261
 * §13.3.1.4), for at most 32 s.
 */
final class ServerTransaction {

    final SipMessage request;
    final InetSocketAddress source;
    private final SipTestClient client;
    private SipMessage last;
    private ScheduledFuture<?> retransmit;

    ServerTransaction(SipTestClient client, SipMessage request, InetSocketAddress source) {
        this.client = client;
        this.request = request;
        this.source = source;
    }

    synchronized void respond(SipMessage response) {
        last = response;
        client.sendTo(response, source);
        if (client.isUdp() && request.method().equals("INVITE") && response.status() >= 200 && response.status() < 300) {
            schedule(500, System.nanoTime());
        }
    }

    private void schedule(long delay, long started) {
        retransmit = client.timers().schedule(() -> {
            synchronized (this) {
                if (retransmit != null && System.nanoTime() - started < TimeUnit.SECONDS.toNanos(32)) {
                    client.sendTo(last, source);
                    schedule(Math.min(delay * 2, 4000), started);
                }
            }
        }, delay, TimeUnit.MILLISECONDS);
    }

    /** The request came again: the last response goes again, if there is one. */
    synchronized void retransmitted() {
        if (last != null) {
            client.sendTo(last, source);
        }
    }

    /** The ACK arrived: no more retransmissions of the 2xx. */
    synchronized void acknowledged() {
        if (retransmit != null) {
            retransmit.cancel(false);
            retransmit = null;
        }
    }

    synchronized boolean hasFinal() {
        return last != null && last.status() >= 200;
    }

    synchronized SipMessage last() {
        return last;
    }
}
