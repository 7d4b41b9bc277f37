package org.olelo.core.message.lazy;

import gov.nist.javax.sip.message.SIPMessage;

/**
 * The bytes a JAIN-SIP message was parsed from, kept with it (in its application data slot), and
 * the edits made to it since, so that a message forwarded with nothing but a proxy's own edits
 * leaves as the received bytes plus those edits ({@link Edits}) instead of being encoded again.
 *
 * <p>Each path that edits a received message in a way {@link Edits} can write records the edit
 * here as it makes it on the JAIN-SIP message (the top Via marked with where the request came
 * from, a Route entry of ours popped, Max-Forwards lowered, our Via pushed on a request or popped
 * from a response); every other path that edits a received message calls {@link #changed} (the
 * container's message setters, the NAT contact fix, the WebSocket alias, a status rewritten, a
 * strict router's Route set undone...). {@link #edited} gives bytes only for a message that was
 * forwarded (a request with exactly one Via pushed, a response with exactly one popped), was not
 * otherwise changed, and has a Content-Length (which a stream peer needs to frame it); anything
 * else, a message never recorded or a clone (whose application data is shared but whose owner is
 * not this message) or one given a header name form, is encoded as before.
 *
 * <p>Threads: made by the transport reader thread that parsed the message; recorded and read by
 * the threads the message is then handed to, one at a time (the methods synchronize on it, which
 * costs nothing uncontended); never blocks.
 */
public final class Received {

    private static final int POP_VIA = 0;
    private static final int POP_ROUTE = 1;
    private static final int PUSH_VIA = 2;
    private static final int TOP_VIA = 3;
    private static final int REQUEST_URI = 4;
    private static final int MAX_OPS = 6;

    private final SIPMessage owner;
    private final byte[] data;
    private final int[] kinds = new int[MAX_OPS];
    private final String[] values = new String[MAX_OPS];
    private int n;
    private int maxForwards = -1;
    private boolean changed;

    private Received(SIPMessage owner, byte[] data) {
        this.owner = owner;
        this.data = data;
    }

    /**
     * Keeps {@code data}, the bytes {@code m} was parsed from, with it; nothing is copied or indexed
     * now. Does nothing when the message already carries application data.
     */
    public static void attach(SIPMessage m, byte[] data) {
        if (m.getApplicationData() == null) {
            m.setApplicationData(new Received(m, data));
        }
    }

    private static Received of(SIPMessage m) {
        return m.getApplicationData() instanceof Received r && r.owner == m ? r : null;
    }

    /** True when {@code m} carries the bytes it was received as (a clone does not). */
    public static boolean isReceived(SIPMessage m) {
        return of(m) != null;
    }

    /** Notes that {@code m} was edited in a way no {@link Edits} records: it will be encoded. */
    public static void changed(SIPMessage m) {
        Received r = of(m);
        if (r != null) {
            synchronized (r) {
                r.changed = true;
            }
        }
    }

    /** Notes that the top Via of {@code m} (a response on its way back) was removed. */
    public static void poppedVia(SIPMessage m) {
        record(m, POP_VIA, null);
    }

    /** Notes that the top Route entry of {@code m} was removed. */
    public static void poppedRoute(SIPMessage m) {
        record(m, POP_ROUTE, null);
    }

    /** Notes that {@code via} (a header value) was added above the Vias of {@code m}. */
    public static void pushedVia(SIPMessage m, String via) {
        record(m, PUSH_VIA, via);
    }

    /** Notes that the received top Via of {@code m} now reads {@code via} (received, rport). */
    public static void rewroteTopVia(SIPMessage m, String via) {
        record(m, TOP_VIA, via);
    }

    /** Notes that the Request-URI of {@code m} was replaced by {@code uri}. */
    public static void replacedRequestUri(SIPMessage m, String uri) {
        record(m, REQUEST_URI, uri);
    }

    /**
     * Gives {@code copy}, a clone of the received {@code m} made to be forwarded, the bytes of
     * {@code m} and what was recorded on it so far (a clone otherwise shares the application data
     * of {@code m} but is not its owner, so it would be encoded). From then on each records its own.
     */
    public static void copy(SIPMessage m, SIPMessage copy) {
        Received r = of(m);
        if (r == null) {
            return;
        }
        Received c = new Received(copy, r.data);
        synchronized (r) {
            System.arraycopy(r.kinds, 0, c.kinds, 0, r.n);
            System.arraycopy(r.values, 0, c.values, 0, r.n);
            c.n = r.n;
            c.maxForwards = r.maxForwards;
            c.changed = r.changed;
        }
        copy.setApplicationData(c);
    }

    /** Notes that the Max-Forwards of {@code m} was set to {@code value}. */
    public static void setMaxForwards(SIPMessage m, int value) {
        Received r = of(m);
        if (r != null) {
            synchronized (r) {
                r.maxForwards = value;
            }
        }
    }

    private static void record(SIPMessage m, int kind, String value) {
        Received r = of(m);
        if (r == null) {
            return;
        }
        synchronized (r) {
            if (r.n == MAX_OPS) {
                r.changed = true; // more than any forwarding makes: give up on it
                return;
            }
            r.kinds[r.n] = kind;
            r.values[r.n] = value;
            r.n++;
        }
    }

    /**
     * The bytes to send for {@code m}: the received bytes with the recorded edits applied, or null
     * when the message must be encoded (not forwarded, changed otherwise, or bytes that do not
     * frame or take the edits as recorded).
     */
    public static byte[] edited(SIPMessage m) {
        Received r = of(m);
        if (r == null) {
            return null;
        }
        synchronized (r) {
            return r.changed ? null : r.write();
        }
    }

    private byte[] write() {
        int pushes = count(PUSH_VIA);
        int pops = count(POP_VIA);
        try {
            RawMessage raw = RawMessage.frame(data);
            boolean forwarded = raw.isResponse() ? pops == 1 && pushes == 0 && maxForwards < 0 : pushes == 1 && pops == 0;
            if (!forwarded || raw.find(HeaderId.CONTENT_LENGTH, 0) < 0) {
                return null;
            }
            Edits e = new Edits(raw);
            boolean pushed = false;
            for (int i = 0; i < n; i++) {
                switch (kinds[i]) {
                    case POP_VIA -> e.popVia();
                    case POP_ROUTE -> e.popRoute();
                    case PUSH_VIA -> {
                        e.pushVia(values[i]);
                        pushed = true;
                    }
                    case REQUEST_URI -> e.replaceRequestUri(values[i]);
                    default -> {
                        if (pushed || count(TOP_VIA) != 1) {
                            return null; // only the received top Via, once
                        }
                        e.replaceTopVia(values[i]);
                    }
                }
            }
            if (maxForwards >= 0 && e.decrementMaxForwards() != maxForwards) {
                return null; // set otherwise than one less than received (or 70 when absent)
            }
            return e.write();
        } catch (MalformedMessage | IllegalStateException ex) {
            return null;
        }
    }

    private int count(int kind) {
        int c = 0;
        for (int i = 0; i < n; i++) {
            if (kinds[i] == kind) {
                c++;
            }
        }
        return c;
    }
}
