package org.olelo.container.internal.replica;

import jakarta.servlet.sip.ServletTimer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.olelo.container.internal.proxy.ProxyRole;
import org.olelo.container.internal.session.SessionRole;
import org.olelo.container.internal.session.SipApplicationSessionImpl;
import org.olelo.container.internal.session.SipSessionImpl;
import org.olelo.container.internal.timer.TimerFacts;
import org.olelo.container.internal.ua.B2buaLeg;
import org.olelo.container.internal.ua.DialogFacts;
import org.olelo.container.internal.ua.UaRole;

/**
 * Takes the {@link SessionSnapshot} of an application session. Runs on the session's executor, so
 * that nothing of the session changes meanwhile; costs one Java serialisation per attribute and
 * timer information.
 */
final class Snapshots {

    private Snapshots() {
    }

    /**
     * @param as     the application session
     * @param writer this node's name in the cluster
     * @param failed told of each attribute (or timer information) that cannot be serialised, which
     *               the copy leaves out: its name and the failure
     * @return the copy
     */
    static SessionSnapshot take(SipApplicationSessionImpl as, String writer, Failures failed) {
        List<SessionSnapshot.SipSessionSnapshot> sessions = new ArrayList<>();
        for (SipSessionImpl s : as.sipSessions()) {
            sessions.add(new SessionSnapshot.SipSessionSnapshot(s.getId(), s.getCallId(), s.handler(),
                    s.isValid() ? s.getState().name() : "TERMINATED", role(s.role()), serialise(s.attributeValues(), failed),
                    DialogFacts.of(s)));
        }
        List<SessionSnapshot.TimerSnapshot> timers = new ArrayList<>();
        for (ServletTimer t : as.timersInternal()) {
            TimerFacts f = TimerFacts.of(t);
            if (f != null) {
                timers.add(new SessionSnapshot.TimerSnapshot(f.id(), f.info() == null ? null
                        : bytes("the information of timer " + f.id(), f.info(), failed),
                        f.nextFire(), f.period(), f.fixedRate(), f.persistent()));
            }
        }
        return new SessionSnapshot(as.getId(), as.getApplicationName(), writer, as.expirationTimeInternal(),
                as.invalidatesWhenReady(), serialise(as.attributeValues(), failed), sessions, timers);
    }

    private static String role(SessionRole r) {
        if (r instanceof B2buaLeg) {
            return "B2BUA";
        }
        if (r instanceof UaRole u) {
            return u.dialog().mode().name();
        }
        if (r instanceof ProxyRole) {
            return "PROXY";
        }
        return "NONE";
    }

    private static Map<String, byte[]> serialise(Map<String, Object> values, Failures failed) {
        if (values.isEmpty()) {
            return Map.of();
        }
        Map<String, byte[]> out = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            byte[] b = bytes("attribute " + name, value, failed);
            if (b != null) {
                out.put(name, b);
            }
        });
        return out;
    }

    private static byte[] bytes(String what, Object value, Failures failed) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(64);
        try (ObjectOutputStream out = new ObjectOutputStream(buf)) {
            out.writeObject(value);
        } catch (IOException | RuntimeException e) {
            failed.failed(what, e);
            return null;
        }
        return buf.toByteArray();
    }

    /** Told of what a copy leaves out. */
    interface Failures {
        void failed(String what, Exception e);
    }
}
