package org.olelo.container.internal.replica;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import org.olelo.container.internal.session.AppContext;
import org.olelo.container.internal.session.SessionManager;
import org.olelo.container.internal.session.SipApplicationSessionImpl;
import org.olelo.container.internal.session.SipSessionImpl;
import org.olelo.container.internal.timer.TimerFacts;
import org.olelo.container.internal.timer.TimerServiceImpl;
import org.olelo.container.internal.ua.DialogRestore;
import org.olelo.container.internal.ua.UserAgent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes fresh sessions on this node from another node's {@link SessionSnapshot}: the application
 * session under its id with its expiry and attributes, its SIP sessions with their attributes,
 * handler and, for user agents, their confirmed dialog ({@link DialogRestore}), and its timers at
 * their next time. Attributes and timer information are read back with the application's class
 * loader; one that cannot be read is left out with a WARN line. No listener hears of the restore
 * (the sessions were created, and their attributes bound, on the other node). B2BUA legs come back
 * as plain user agents (their link is not restored); proxy sessions are not restored.
 *
 * <p>Runs on the thread that takes the dialog over (a virtual thread), before any work of the new
 * session is queued.
 */
public final class SessionRestore {

    private static final Logger LOG = LoggerFactory.getLogger(SessionRestore.class);

    private final SessionManager sessions;
    private final UserAgent ua;
    private final TimerServiceImpl timers;

    /**
     * @param sessions the session table
     * @param ua       the user agent whose dialog table takes restored dialogs
     * @param timers   the timer service that schedules restored timers
     */
    public SessionRestore(SessionManager sessions, UserAgent ua, TimerServiceImpl timers) {
        this.sessions = sessions;
        this.ua = ua;
        this.timers = timers;
    }

    /**
     * @param s   the copy
     * @param app the application's version on this node
     * @return the restored session, or null when this node already has a session of that id
     */
    public SipApplicationSessionImpl restore(SessionSnapshot s, AppContext app) {
        SipApplicationSessionImpl as = sessions.restoreApplicationSession(app, s.id(), s.expirationTime());
        if (as == null) {
            return null;
        }
        app.runInContext(() -> {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            as.restoreInvalidateWhenReady(s.invalidateWhenReady());
            s.attributes().forEach((name, bytes) -> {
                Object v = read(loader, bytes, s, "attribute " + name);
                if (v != null) {
                    as.restoreAttribute(name, v);
                }
            });
            for (SessionSnapshot.SipSessionSnapshot ss : s.sessions()) {
                SipSessionImpl sip = sessions.restoreSipSession(as, ss.id(), ss.callId());
                sip.setHandlerInternal(ss.handler());
                ss.attributes().forEach((name, bytes) -> {
                    Object v = read(loader, bytes, s, "attribute " + name + " of SIP session " + ss.id());
                    if (v != null) {
                        sip.restoreAttribute(name, v);
                    }
                });
                if (ss.dialog() != null && !"PROXY".equals(ss.role())) {
                    DialogRestore.restore(ua, sip, ss.dialog());
                }
            }
            for (SessionSnapshot.TimerSnapshot t : s.timers()) {
                Object info = t.info() == null ? null : read(loader, t.info(), s, "the information of timer " + t.id());
                timers.restore(as, new TimerFacts(t.id(), (Serializable) info, t.nextFire(), t.period(), t.fixedRate(),
                        t.persistent()));
            }
        });
        LOG.info("{}: application session {} taken over from {} ({} SIP sessions, {} timers)", s.app(), s.id(),
                s.writer(), s.sessions().size(), s.timers().size());
        return as;
    }

    private static Object read(ClassLoader loader, byte[] bytes, SessionSnapshot s, String what) {
        try (ObjectInputStream in = new LoaderInput(new ByteArrayInputStream(bytes), loader)) {
            return in.readObject();
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            LOG.warn("{}: {} of application session {} could not be read back and is left out: {}", s.app(), what,
                    s.id(), e.toString());
            return null;
        }
    }

    /** Resolves classes with the application's class loader. */
    private static final class LoaderInput extends ObjectInputStream {

        private final ClassLoader loader;

        LoaderInput(ByteArrayInputStream in, ClassLoader loader) throws IOException {
            super(in);
            this.loader = loader;
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            try {
                return Class.forName(desc.getName(), false, loader);
            } catch (ClassNotFoundException e) {
                return super.resolveClass(desc);
            }
        }
    }
}
