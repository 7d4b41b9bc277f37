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
 *
 * <p>Olelo keeps sessions in memory and never passivates them; a distributable application's
 * session is copied to the cluster through {@link SessionWrites} and may be restored on another
 * node ({@link #restoreApplicationSession}). The activation listeners
 * ({@code SipApplicationSessionActivationListener}, {@code SipSessionActivationListener}) are
 * accepted but never called.
 */
public final class SessionManager {

    /** URI parameter that {@code encodeURI} adds to target an application session. */
    public static final String ENCODED_URI_PARAM = "olas";

    private final ConcurrentHashMap<String, SipApplicationSessionImpl> appSessions = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, SipSessionImpl> sipSessions = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Set<SipApplicationSessionImpl>> byIndexKey = new ConcurrentHashMap<>();
    private final TransactionTimers scheduler;
    private final Executor virtualThreads;
    private final long minuteMillis;
    private volatile DialogObserver dialogObserver = DialogObserver.NONE;
    private volatile SessionWrites writes = SessionWrites.NONE;

    /**
     * @param scheduler      timer thread for session expiry
     * @param virtualThreads carrier executor on which each session's serial executor runs
     */
    private volatile org.olelo.core.SipCore core;
    private final org.olelo.container.internal.flow.Flows flows = new org.olelo.container.internal.flow.Flows();

    /** The SIP core, for checks that need its listening points. */
    public org.olelo.core.SipCore core() {
        return core;
    }

    /** Sets the SIP core (once, when the container runtime is built); its connections feed the flows. */
    public void setCore(org.olelo.core.SipCore core) {
        this.core = core;
        flows.attach(core);
    }

    /** The RFC 5626 flows of this container. */
    public org.olelo.container.internal.flow.Flows flows() {
        return flows;
    }

    public SessionManager(TransactionTimers scheduler, Executor virtualThreads) {
        this(scheduler, virtualThreads, 60_000);
    }

    /**
     * A session table whose expiry minute lasts {@code minuteMillis}: every expiry computation
     * goes through {@link #minuteMillis()}, so tests of expiry run the production code with a
     * shorter minute.
     */
    SessionManager(TransactionTimers scheduler, Executor virtualThreads, long minuteMillis) {
        this.scheduler = scheduler;
        this.virtualThreads = virtualThreads;
        this.minuteMillis = minuteMillis;
    }

    TransactionTimers scheduler() {
        return scheduler;
    }

    /** Length of one minute of session expiry (60,000 ms). */
    long minuteMillis() {
        return minuteMillis;
    }

    /**
     * Creates an application session for the application, with its own serial executor; the
     * {@code sessionCreated} listeners run now, on the calling application thread.
     */
    public SipApplicationSessionImpl createApplicationSession(AppContext app) {
        return createApplicationSession(app, newId(app));
    }

    /**
     * Returns the application session with the id (an application key's), creating it when there
     * is none; {@code sessionCreated} listeners run now, on the calling application thread.
     */
    public SipApplicationSessionImpl createApplicationSession(AppContext app, String id) {
        return create(app, id, false);
    }

    /**
     * Like {@link #createApplicationSession(AppContext, String)} for a request the container
     * routes (any thread, usually a transport reader): the {@code sessionCreated} listeners are
     * queued on the new session's executor, ahead of the request. A null id makes a fresh one.
     */
    public SipApplicationSessionImpl createForRequest(AppContext app, String id) {
        return create(app, id == null ? newId(app) : id, true);
    }

    private static String newId(AppContext app) {
        return app.name() + "." + SipMessages.token(16);
    }

    /** The application-session id that an application key maps to (one per application and key). */
    public static String keyId(String appName, String key) {
        return appName + ".key." + key;
    }

    private SipApplicationSessionImpl create(AppContext app, String id, boolean queueCreated) {
        SipApplicationSessionImpl s = new SipApplicationSessionImpl(this, app, id, new SerialExecutor(virtualThreads));
        while (true) {
            SipApplicationSessionImpl prev = appSessions.putIfAbsent(id, s);
            if (prev == null) {
                break;
            }
            if (prev.usable()) {
                return prev;
            }
            if (appSessions.replace(id, prev, s)) {
                break; // the one under this key is being invalidated: a new one takes its place
            }
        }
        app.sessionAdded();
        s.start();
        if (queueCreated) {
            s.executor().execute(() -> s.runAsCurrent("sessionCreated", s::fireCreated));
        } else {
            s.fireCreated();
        }
        return s;
    }

    /** Who copies the sessions of distributable applications (a cluster); set at start. */
    public void replicateWith(SessionWrites w) {
        this.writes = java.util.Objects.requireNonNull(w, "writes");
    }

    /**
     * A piece of application code of {@code as} ended (servlet, listener, timer): a distributable
     * application's valid session is handed to the {@link SessionWrites}. On the session's executor.
     */
    public void invocationEnded(SipApplicationSessionImpl as) {
        SessionWrites w = writes;
        if (w != SessionWrites.NONE && as.usable() && as.app().distributable()) {
            w.written(as);
        }
    }

    /** Who copies the sessions of distributable applications ({@link SessionWrites#NONE} without a cluster). */
    public SessionWrites writes() {
        return writes;
    }

    /**
     * Enters an application session restored from another node's copy, under its id, without
     * {@code sessionCreated} (it was created on the other node). Any thread.
     *
     * @param app            the application's version on this node
     * @param id             the copied session's id
     * @param expirationTime when it expires, epoch milliseconds, 0 for never
     * @return the fresh session, or null when this node already has a session of that id
     */
    public SipApplicationSessionImpl restoreApplicationSession(AppContext app, String id, long expirationTime) {
        SipApplicationSessionImpl s = new SipApplicationSessionImpl(this, app, id, new SerialExecutor(virtualThreads));
        if (appSessions.putIfAbsent(id, s) != null) {
            return null;
        }
        app.sessionAdded();
        s.restoreExpiry(expirationTime);
        return s;
    }

    /** A SIP session restored from another node's copy, under its id, inside {@code parent}. */
    public SipSessionImpl restoreSipSession(SipApplicationSessionImpl parent, String id, String callId) {
        SipSessionImpl s = new SipSessionImpl(this, parent, id, callId);
        sipSessions.put(id, s);
        parent.addSession(s);
        return s;
    }

    /** Who hears of the dialog events of every session (dialog tracking, accounting); set at start. */
    public void observeDialogs(DialogObserver observer) {
        this.dialogObserver = java.util.Objects.requireNonNull(observer, "observer");
    }

    /** The observer of dialog events ({@link DialogObserver#NONE} when none was set). */
    public DialogObserver dialogObserver() {
        return dialogObserver;
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
        s.app().sessionRemoved();
        for (String k : s.indexKeysInternal()) {
            removeIndexKey(s, k);
        }
        SessionWrites w = writes;
        if (w != SessionWrites.NONE && s.app().distributable()) {
            w.invalidated(s);
        }
    }

    void removed(SipSessionImpl s) {
        sipSessions.remove(s.getId(), s);
    }
}
