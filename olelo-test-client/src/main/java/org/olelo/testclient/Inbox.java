package org.olelo.testclient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Messages waiting for a test to take them, in arrival order. Reader threads add; the test thread
 * takes the first one that matches, waiting at most a timeout, and otherwise fails with every
 * message this inbox has received, so the failure says what came instead.
 */
final class Inbox {

    private final String name;
    private final List<SipMessage> waiting = new ArrayList<>();
    private final List<String> seen = new ArrayList<>();

    Inbox(String name) {
        this.name = name;
    }

    synchronized void add(SipMessage m) {
        waiting.add(m);
        if (seen.size() < 50) {
            seen.add(m.startLine() + " (" + m.method() + ", Call-ID " + m.callId() + ")");
        }
        notifyAll();
    }

    /** Moves the waiting messages of one Call-ID to another inbox (a dialog made after they arrived). */
    void moveTo(String callId, Inbox other) {
        List<SipMessage> moved = new ArrayList<>();
        synchronized (this) {
            for (Iterator<SipMessage> it = waiting.iterator(); it.hasNext();) {
                SipMessage m = it.next();
                if (callId.equals(m.callId())) {
                    moved.add(m);
                    it.remove();
                }
            }
        }
        moved.forEach(other::add);
    }

    /**
     * @return the first waiting message that matches, removed from the inbox
     * @throws AssertionError after {@code timeout} without one, listing what was received
     */
    synchronized SipMessage take(Predicate<SipMessage> match, Duration timeout, String what) {
        SipMessage m = poll(match, timeout);
        if (m == null) {
            throw new AssertionError("expected " + what + " within " + timeout.toMillis() + " ms, but " + name
                    + (seen.isEmpty() ? " received nothing" : " received only:\n  " + String.join("\n  ", seen)));
        }
        return m;
    }

    /** @return the first waiting message that matches within {@code timeout}, removed, or null */
    synchronized SipMessage poll(Predicate<SipMessage> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (Iterator<SipMessage> it = waiting.iterator(); it.hasNext();) {
                SipMessage m = it.next();
                if (match.test(m)) {
                    it.remove();
                    return m;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }
}
