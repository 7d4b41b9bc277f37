package org.olelo.core.message.lazy;

import gov.nist.javax.sip.message.SIPMessage;

/**
 * The bytes a JAIN-SIP message was parsed from, kept with it (in its application data slot), and
 * whether the message may still be written as those bytes plus a proxy's own edits ({@link Edits})
 * rather than encoded again.
 *
 * <p>A message qualifies only when both hold: a forwarding path has recorded the edit it made to
 * the JAIN-SIP message here as well ({@link #poppedVia}), and nothing else changed the message since
 * it was received ({@link #changed}, which every other path that edits a received message calls:
 * the container's message setters, the NAT contact fix, the WebSocket alias, a status rewritten).
 * Anything else (a message never recorded, a clone, whose application data is shared but whose
 * owner is not this message, a header name form chosen, a message without Content-Length, whose
 * framing a stream peer could not follow) is encoded as before.
 *
 * <p>Threads: made by the transport reader thread that parsed the message; marked and read by
 * the threads the message is then handed to (handing over publishes it); never blocks.
 */
public final class Received {

    private final SIPMessage owner;
    private final byte[] data;
    private volatile boolean changed;
    private volatile int viaPops;

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
            r.changed = true;
        }
    }

    /** Notes that the top Via of {@code m} (a response on its way back) was removed. */
    public static void poppedVia(SIPMessage m) {
        Received r = of(m);
        if (r != null) {
            r.viaPops++;
        }
    }

    /**
     * The bytes to send for {@code m}: the received bytes with the recorded edits applied, or null
     * when the message must be encoded (nothing recorded, changed otherwise, or bytes that do not
     * frame as the edits need).
     */
    public static byte[] edited(SIPMessage m) {
        Received r = of(m);
        if (r == null || r.changed || r.viaPops != 1) {
            return null;
        }
        try {
            RawMessage raw = RawMessage.frame(r.data);
            if (!raw.isResponse() || raw.find(HeaderId.CONTENT_LENGTH, 0) < 0) {
                return null;
            }
            return new Edits(raw).popVia().write();
        } catch (MalformedMessage | IllegalStateException e) {
            return null;
        }
    }
}
