package org.olelo.container.internal.replica;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.olelo.container.internal.ua.DialogFacts;

/**
 * A copy of one application session of a distributable application, as another node needs it to
 * go on: its identity, the node that wrote it, its expiry, its attributes (each serialised on its
 * own, read back with the application's class loader), its SIP sessions and its pending timers.
 * Immutable.
 *
 * @param id                  the application session's id
 * @param app                 the application's name
 * @param writer              the cluster member that wrote the copy
 * @param expirationTime      when the session expires, epoch milliseconds; 0 for never
 * @param invalidateWhenReady the session's invalidate-when-ready flag
 * @param attributes          attribute name to its serialised value
 * @param sessions            the SIP sessions
 * @param timers              the timers still to fire
 */
public record SessionSnapshot(String id, String app, String writer, long expirationTime, boolean invalidateWhenReady,
                              Map<String, byte[]> attributes, List<SipSessionSnapshot> sessions,
                              List<TimerSnapshot> timers) {

    /** Copies the collections. */
    public SessionSnapshot {
        attributes = Map.copyOf(attributes);
        sessions = List.copyOf(sessions);
        timers = List.copyOf(timers);
    }

    /** @return the keys ({@link DialogKey}) of the dialogs of its SIP sessions */
    public List<String> dialogKeys() {
        List<String> keys = new ArrayList<>(sessions.size());
        for (SipSessionSnapshot s : sessions) {
            DialogFacts d = s.dialog();
            if (d != null) {
                keys.add(DialogKey.of(d.callId(), d.localTag(), d.remoteTag()));
            }
        }
        return keys;
    }

    /**
     * One SIP session.
     *
     * @param id         the SIP session's id
     * @param callId     its Call-ID
     * @param handler    the name of the servlet that handles its requests, or null
     * @param state      its state ({@code INITIAL}, {@code EARLY}, {@code CONFIRMED}, {@code TERMINATED})
     * @param role       {@code UAC}, {@code UAS}, {@code B2BUA}, {@code PROXY} or {@code NONE}
     * @param attributes attribute name to its serialised value
     * @param dialog     the dialog state of a user agent's established dialog, or null
     */
    public record SipSessionSnapshot(String id, String callId, String handler, String state, String role,
                                     Map<String, byte[]> attributes, DialogFacts dialog) {

        /** Copies the attributes. */
        public SipSessionSnapshot {
            attributes = Map.copyOf(attributes);
        }
    }

    /**
     * One pending application timer.
     *
     * @param id         the timer's id
     * @param info       its serialised information, or null
     * @param nextFire   when it fires next, epoch milliseconds
     * @param period     milliseconds between expirations; 0 for one
     * @param fixedRate  fixed rate (true) or fixed delay
     * @param persistent what the application passed as {@code isPersistent}
     */
    public record TimerSnapshot(String id, byte[] info, long nextFire, long period, boolean fixedRate,
                                boolean persistent) {
    }
}
