package org.olelo.container.internal.ua;

import java.util.concurrent.ConcurrentHashMap;
import org.olelo.container.internal.session.SipSessionImpl;

/**
 * The user-agent dialogs of this server by dialog id (Call-ID, local tag, remote tag), so that a
 * request inside a dialog an application answered or started finds its SIP session. Lock-free;
 * read on transport reader threads, written on application-session executors.
 */
public final class DialogTable {

    private final ConcurrentHashMap<String, SipSessionImpl> dialogs = new ConcurrentHashMap<>();
    /**
     * Sessions whose initial SUBSCRIBE or REFER is still unanswered, by Call-ID and our tag: a NOTIFY
     * may arrive before the 2xx and create the dialog (RFC 6665 §4.1.2.4). Only requests that
     * applications sent are entered, so its size follows theirs.
     */
    private final ConcurrentHashMap<String, SipSessionImpl> subscribing = new ConcurrentHashMap<>();

    private static String key(String callId, String localTag, String remoteTag) {
        return callId + '\u0001' + localTag + '\u0001' + remoteTag;
    }

    /** Registers a session whose dialog now has both tags. */
    void put(DialogState d, SipSessionImpl s) {
        dialogs.put(key(d.callId, d.localTag, d.remoteTag), s);
    }

    /** Removes a session's dialog, if it acts as a user agent with one. */
    public void remove(SipSessionImpl s) {
        DialogState d = UaRole.dialogOf(s);
        if (d != null) {
            remove(d, s);
        }
    }

    /** Removes the dialog {@code d} of {@code s}, if it was registered, and its wait for a NOTIFY. */
    void remove(DialogState d, SipSessionImpl s) {
        if (d.remoteTag != null) {
            dialogs.remove(key(d.callId, d.localTag, d.remoteTag), s);
        }
        answered(d, s);
    }

    /** {@code s} sent the initial SUBSCRIBE or REFER of {@code d}: a NOTIFY may come before the answer. */
    void subscribing(DialogState d, SipSessionImpl s) {
        subscribing.put(key(d.callId, d.localTag, ""), s);
    }

    /** The initial SUBSCRIBE or REFER of {@code d} has its final answer: a NOTIFY no longer creates the dialog. */
    void answered(DialogState d, SipSessionImpl s) {
        if (d.mode == jakarta.servlet.sip.UAMode.UAC && d.initialRequest != null && !d.isInvite()) {
            subscribing.remove(key(d.callId, d.localTag, ""), s); // (calls never wait for a NOTIFY)
        }
    }

    /**
     * The live session that waits for the answer to a SUBSCRIBE or REFER it sent with this Call-ID
     * and our tag (the To tag of a NOTIFY that matched no dialog), or null.
     */
    public SipSessionImpl subscriber(String callId, String toTag) {
        if (callId == null || toTag == null) {
            return null;
        }
        SipSessionImpl s = subscribing.get(key(callId, toTag, ""));
        if (s != null && !s.isValid()) {
            subscribing.remove(key(callId, toTag, ""), s);
            return null;
        }
        return s;
    }

    /**
     * The live session for a request received in a dialog: our tag is the request's To tag, the
     * peer's is its From tag.
     */
    public SipSessionImpl find(String callId, String toTag, String fromTag) {
        if (callId == null || toTag == null) {
            return null;
        }
        SipSessionImpl s = dialogs.get(key(callId, toTag, fromTag));
        if (s != null && !s.isValid()) {
            dialogs.remove(key(callId, toTag, fromTag), s);
            return null;
        }
        return s;
    }

    /**
     * The live session of the dialog that a Join (RFC 3911) or Replaces (RFC 3891) header value
     * names, or null: its to-tag is ours, its from-tag the peer's.
     */
    public SipSessionImpl named(String joinOrReplaces) {
        DialogId id = joinOrReplaces == null ? null : DialogId.parse(joinOrReplaces);
        return id == null ? null : find(id.callId(), id.toTag(), id.fromTag());
    }

    /** Number of dialogs held. */
    public int size() {
        return dialogs.size();
    }
}
