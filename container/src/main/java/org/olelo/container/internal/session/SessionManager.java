package org.olelo.container.internal.session;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.olelo.container.internal.invoke.SerialExecutor;
import org.olelo.core.message.SipMessages;
import org.olelo.core.transaction.TransactionTimers;

/**
 * The in-memory table of application and SIP sessions, looked up by id (SIP sessions also by the
 * key carried in our Record-Route), by index key and by application key. Lock-free reads; safe from
 * any thread.
 */
public final class SessionManager {

    /** URI parameter that {@code encodeURI} adds to target an application session. */
    public static final String ENCODED_URI_PARAM = "olas";

    private final ConcurrentHashMap<String, SipApplicationSessionImpl> appSessions = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, SipSessionImpl> sipSessions = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Set<SipApplicationSessionImpl>> byIndexKey = new ConcurrentHashMap<>();
    private final TransactionTimers scheduler;
    private final Executor virtualThreads;

    /**
     * @param scheduler      timer thread for session expiry
     * @param virtualThreads carrier executor on which each session's serial executor runs
     */
    public SessionManager(TransactionTimers scheduler, Executor virtualThreads) {
        this.scheduler = scheduler;
        this.virtualThreads = virtualThreads;
    }

    TransactionTimers scheduler() {
        return scheduler;
    }

    /** Creates an application session for the application, with its own serial executor. */
    public SipApplicationSessionImpl createApplicationSession(AppContext app) {
        return createApplicationSession(app, app.name() + "." + SipMessages.token(16));
    }

    /** Creates an application session with a given id (used for application keys). */
    public SipApplicationSessionImpl createApplicationSession(AppContext app, String id) {
        SipApplicationSessionImpl s = new SipApplicationSessionImpl(this, app, id, new SerialExecutor(virtualThreads));
        SipApplicationSessionImpl prev = appSessions.putIfAbsent(id, s);
        if (prev != null) {
            return prev;
        }
        s.fireCreated();
        return s;
    }

    /** Creates a SIP session inside the application session. */
    public SipSessionImpl createSipSession(SipApplicationSessionImpl parent, String callId) {
        SipSessionImpl s = new SipSessionImpl(this, parent, SipMessages.token(20), callId);
        sipSessions.put(s.getId(), s);
        parent.addSession(s);
        return s;
    }

    /** The application session with this id, or null. */
    public SipApplicationSessionImpl applicationSession(String id) {
        return id == null ? null : appSessions.get(id);
    }

    /** The SIP session with this id, or null. */
    public SipSessionImpl sipSession(String id) {
        return id == null ? null : sipSessions.get(id);
    }

    /** Application sessions registered under the index key. */
    public Set<SipApplicationSessionImpl> byIndexKey(String key) {
        Set<SipApplicationSessionImpl> s = byIndexKey.get(key);
        return s == null ? Set.of() : Set.copyOf(s);
    }

    /** All application sessions of one application (management and tests). */
    public List<SipApplicationSessionImpl> ofApplication(String appName) {
        return appSessions.values().stream().filter(s -> s.getApplicationName().equals(appName)).toList();
    }

    /** Live application sessions. */
    public int applicationSessionCount() {
        return appSessions.size();
    }

    /** Live SIP sessions. */
    public int sipSessionCount() {
        return sipSessions.size();
    }

    /** Every live application session (management). */
    public Collection<SipApplicationSessionImpl> all() {
        return appSessions.values();
    }

    void addIndexKey(SipApplicationSessionImpl s, String key) {
        byIndexKey.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(s);
    }

    void removeIndexKey(SipApplicationSessionImpl s, String key) {
        Set<SipApplicationSessionImpl> set = byIndexKey.get(key);
        if (set != null) {
            set.remove(s);
            if (set.isEmpty()) {
                byIndexKey.remove(key, set);
            }
        }
    }

    void removed(SipApplicationSessionImpl s) {
        appSessions.remove(s.getId(), s);
        for (String k : s.indexKeysInternal()) {
            removeIndexKey(s, k);
        }
    }

    void removed(SipSessionImpl s) {
        sipSessions.remove(s.getId(), s);
        if (s.dialog() != null) {
            s.dialog().userAgent().dialogs().remove(s);
        }
    }
}
