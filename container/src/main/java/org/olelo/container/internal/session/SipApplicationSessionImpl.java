package org.olelo.container.internal.session;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.sip.ServletTimer;
import jakarta.servlet.sip.SipApplicationSession;
import jakarta.servlet.sip.SipApplicationSessionEvent;
import jakarta.servlet.sip.SipApplicationSessionListener;
import jakarta.servlet.sip.SipSession;
import jakarta.servlet.sip.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.olelo.container.internal.invoke.SerialExecutor;

/**
 * An application session: the unit of state and of serial execution of one application for one
 * call or service instance. All application code concerning it runs on its {@link SerialExecutor}:
 * that is both the {@code VENDORSPECIFIC} and the {@code APPLICATIONSESSION} concurrency mode of
 * JSR 359, since no two pieces of work of one application session ever run at the same time.
 *
 * <p>Life cycle:
 * <ul>
 * <li>Expiry: one timer, armed at creation from the application's session timeout and re-armed by
 *     {@link #setExpires}. When it fires, {@code sessionExpired} listeners run on the executor and
 *     may extend the lifetime with {@code setExpires}; otherwise the session is invalidated.</li>
 * <li>Invalidate when ready (the default): the session is ready when it holds no valid SIP
 *     session, no active timer, no unfinished task, and no initial request is on its way to
 *     joining it. Whenever one
 *     of those ends, a check is queued behind the current work; if the session is then ready,
 *     {@code sessionReadyToInvalidate} runs, and unless a listener cleared the flag the session is
 *     invalidated.</li>
 * <li>Invalidation: {@code sessionDestroyed} (the session still readable), its SIP sessions
 *     invalidated, its timers and unfinished tasks cancelled, its attributes removed with their callbacks, then it is
 *     invalid and gone from the {@link SessionManager}.</li>
 * </ul>
 * Work the container starts on its own (expiry, readiness, timers) skips a session that is no
 * longer valid, so it never throws into application code.
 */
public final class SipApplicationSessionImpl implements SipApplicationSession {

    private final SessionManager manager;
    private final AppContext app;
    private final String id;
    private final SerialExecutor executor;
    private final long created = System.currentTimeMillis();
    private final AttributeMap attributes = new AttributeMap();
    private final AttributeEvents events;
    private final ProtocolSessions sessions = new ProtocolSessions();
    private final PendingWork pending = new PendingWork();
    private final IndexKeys indexKeys;
    private volatile long lastAccessed = created;
    private volatile boolean valid = true;
    private volatile boolean invalidating;
    private volatile boolean invalidateWhenReady = true;
    /** Changed since the last {@link #invocationEnded}: what a copy elsewhere must follow. */
    private volatile boolean touched = true;
    private final SessionExpiry expiry;
    private final ScopedBeans beans = new ScopedBeans();

    SipApplicationSessionImpl(SessionManager manager, AppContext app, String id, SerialExecutor executor) {
        this.manager = manager;
        this.app = app;
        this.id = id;
        this.executor = executor;
        this.events = new AppSessionEvents(this, app);
        this.indexKeys = new IndexKeys(manager, this);
        this.expiry = new SessionExpiry(manager, () -> executor.execute(this::expire));
    }

    /** True while the session is valid and not being invalidated. */
    boolean usable() {
        return valid && !invalidating;
    }

    /** Arms the expiry from the application's session timeout, once the session is in the table. */
    void start() {
        expiry.arm(app.sessionTimeoutMinutes());
    }

    /** The executor that runs all application code of this session, one task at a time. */
    public SerialExecutor executor() {
        return executor;
    }

    /** The application this session belongs to. */
    public AppContext app() {
        return app;
    }

    /** Marks the session used now. */
    public void access() {
        lastAccessed = System.currentTimeMillis();
        touched = true;
    }

    /**
     * Runs work the container starts for the application (a timer, expiry, a readiness check) on
     * the calling thread, which must be this session's executor: as the current session, with the
     * application's class loader; what it throws is logged under {@code what}.
     */
    public void runAsCurrent(String what, Runnable work) {
        asCurrent(() -> Callbacks.run(app, what + " of " + id, work));
        invocationEnded();
    }

    /**
     * A piece of application code of this session returned: when it touched the session (see
     * {@link #touch}) and the application is distributable, its copy elsewhere is written. On
     * this session's executor.
     */
    public void invocationEnded() {
        if (touched) {
            touched = false;
            manager.invocationEnded(this);
        }
    }

    /** Marks the session changed since its copy was last written. Any thread. */
    public void touch() {
        touched = true;
    }

    /** True when invalidate-when-ready is set (any thread; no validity check, for copies of the session). */
    public boolean invalidatesWhenReady() {
        return invalidateWhenReady;
    }

    /** The attributes as they are now (any thread; no validity check, for copies of the session). */
    public Map<String, Object> attributeValues() {
        return attributes.values();
    }

    /** Runs container work with this session current, so its listeners and CDI beans find it. */
    private void asCurrent(Runnable work) {
        SipApplicationSessionImpl previous = CurrentApplicationSession.enter(this);
        try {
            work.run();
        } finally {
            CurrentApplicationSession.restore(previous);
        }
    }

    void fireCreated() {
        asCurrent(() -> Callbacks.each(app, SipApplicationSessionListener.class,
                l -> l.sessionCreated(new SipApplicationSessionEvent(this))));
    }

    /** The CDI beans kept with this session, made by {@code create} the first time; null once invalid. Any thread. */
    public SessionBeans beans(Supplier<? extends SessionBeans> create) {
        return beans.get(create, () -> valid);
    }

    // ------------------------------------------------------------------ expiry

    /** Arms the expiry of a session restored from a copy at the copied time (0: never). */
    void restoreExpiry(long expirationTime) {
        expiry.armAt(expirationTime);
    }

    /** Sets an attribute of a session restored from a copy, without callbacks (they ran where it was set). */
    public void restoreAttribute(String name, Object value) {
        attributes.put(name, value);
    }

    /** Sets the invalidate-when-ready flag of a session restored from a copy. */
    public void restoreInvalidateWhenReady(boolean v) {
        invalidateWhenReady = v;
    }

    private boolean expiredNow() {
        return valid && !invalidating && expiry.passed();
    }

    private void expire() {
        if (!expiredNow()) {
            return;
        }
        runAsCurrent("expiry", () -> {
            Callbacks.each(app, SipApplicationSessionListener.class, l -> l.sessionExpired(new SipApplicationSessionEvent(this)));
            if (expiredNow()) {
                invalidateNow();
            }
        });
    }

    @Override
    public int setExpires(int deltaMinutes) {
        checkValid();
        expiry.arm(deltaMinutes);
        touched = true;
        return deltaMinutes <= 0 ? Integer.MAX_VALUE : deltaMinutes;
    }

    @Override
    public long getExpirationTime() {
        checkValid();
        return expiry.time();
    }

    // ------------------------------------------------------------------ readiness and invalidation

    /** Registers a SIP session created for this application session. */
    void addSession(SipSessionImpl s) {
        sessions.addSip(s);
        touched = true;
    }

    /** A SIP session of this application session was invalidated. */
    void sessionInvalidated(SipSessionImpl s) {
        sessions.removeSip(s);
        checkReadyLater();
    }

    /**
     * Holds the session open for an initial request that joins it (application key, encoded URI):
     * it is not ready to invalidate until {@link #release()}. False when the session is ending.
     */
    public boolean reserve() {
        synchronized (this) {
            if (!valid || invalidating) {
                return false;
            }
            pending.joining();
            return true;
        }
    }

    /** The joining request has its SIP session (or gave up). */
    public void release() {
        if (pending.joined()) {
            checkReadyLater();
        }
    }

    /** Registers an application timer (removed again when it fires for the last time or is cancelled). */
    public void addTimer(ServletTimer t) {
        pending.addTimer(t);
        touched = true;
    }

    /** The timers of this session that are still active (any thread; a snapshot). */
    public int activeTimerCount() {
        return pending.timerCount();
    }

    /** The valid SIP sessions of this session (any thread; a snapshot, whether or not this session is valid). */
    public List<SipSessionImpl> sipSessions() {
        return sessions.sipSessions();
    }

    /** The active timers (any thread; a snapshot, no validity check, for copies of the session). */
    public List<ServletTimer> timersInternal() {
        return pending.timers();
    }

    /** When the session expires, epoch milliseconds, 0 for never (no validity check). */
    public long expirationTimeInternal() {
        return expiry.time();
    }

    /** Forgets a timer that ended. */
    public void removeTimer(ServletTimer t) {
        if (pending.removeTimer(t)) {
            touched = true;
            checkReadyLater();
        }
    }

    /**
     * Registers an unfinished task of this session under its identifier, so that
     * {@link #getTaskFutures()} lists it and the session is not ready to invalidate while it is
     * pending. Any thread.
     *
     * @return false when the session is ending or another unfinished task has that identifier
     */
    public boolean addTask(String taskId, Future<?> f) {
        synchronized (this) {
            return usable() && pending.addTask(taskId, f);
        }
    }

    /** Forgets a task that finished (or was cancelled). Any thread. */
    public void removeTask(String taskId, Future<?> f) {
        if (pending.removeTask(taskId, f)) {
            checkReadyLater();
        }
    }

    /** Queues a readiness check behind the work running now (so a servlet never loses its session mid-call). */
    void checkReadyLater() {
        if (valid && !invalidating && invalidateWhenReady) {
            executor.execute(this::checkReady);
        }
    }

    private boolean readyNow() {
        return pending.isEmpty() && sessions.isEmpty();
    }

    private boolean shouldInvalidate() {
        return valid && !invalidating && invalidateWhenReady && readyNow();
    }

    private void checkReady() {
        if (!shouldInvalidate()) {
            return;
        }
        runAsCurrent("readiness check", () -> {
            Callbacks.each(app, SipApplicationSessionListener.class,
                    l -> l.sessionReadyToInvalidate(new SipApplicationSessionEvent(this)));
            if (shouldInvalidate()) {
                invalidateNow();
            }
        });
    }

    @Override
    public void invalidate() {
        checkValid();
        invalidateNow();
    }

    private void invalidateNow() {
        synchronized (this) {
            if (!valid || invalidating) {
                return;
            }
            invalidating = true;
            expiry.cancel();
        }
        asCurrent(this::releaseAll);
        valid = false;
        manager.removed(this);
    }

    /** What invalidation ends, the session still valid: listeners, children, attributes, CDI beans. */
    private void releaseAll() {
        Callbacks.each(app, SipApplicationSessionListener.class, l -> l.sessionDestroyed(new SipApplicationSessionEvent(this)));
        sessions.endAll();
        pending.cancelAll();
        attributes.removeAll(events);
        beans.destroy(app, id);
    }

    @Override
    public boolean isValid() {
        return valid;
    }

    @Override
    public boolean isReadyToInvalidate() {
        checkValid();
        return readyNow();
    }

    @Override
    public void setInvalidateWhenReady(boolean v) {
        checkValid();
        invalidateWhenReady = v;
        checkReadyLater();
    }

    @Override
    public boolean getInvalidateWhenReady() {
        checkValid();
        return invalidateWhenReady;
    }

    // ------------------------------------------------------------------ identity and children

    @Override
    public long getCreationTime() {
        checkValid();
        return created;
    }

    @Override
    public long getLastAccessedTime() {
        return lastAccessed;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public String getApplicationName() {
        return app.name();
    }

    @Override
    public Iterator<?> getSessions() {
        return getSessionSet().iterator();
    }

    @Override
    public Set<?> getSessionSet() {
        checkValid();
        return sessions.all();
    }

    @Override
    public Iterator<?> getSessions(String protocol) {
        return getSessionSet(protocol).iterator();
    }

    @Override
    public Set<?> getSessionSet(String protocol) {
        checkValid();
        if (protocol == null) {
            throw new NullPointerException("protocol");
        }
        return sessions.all(protocol);
    }

    @Override
    public SipSession getSipSession(String sid) {
        checkValid();
        return sid == null ? null : sessions.sip(sid);
    }

    @Override
    public Object getSession(String sid, Protocol protocol) {
        checkValid();
        if (sid == null || protocol == null) {
            return null;
        }
        return sessions.get(sid, protocol);
    }

    /**
     * Adds the parameter {@value SessionManager#ENCODED_URI_PARAM} naming this session; an initial
     * request whose Request-URI carries it, routed to this application, joins this session.
     */
    @Override
    public void encodeURI(URI uri) {
        checkValid();
        uri.setParameter(SessionManager.ENCODED_URI_PARAM, id);
    }

    /**
     * Adds the query parameter {@value SessionManager#ENCODED_URI_PARAM} naming this session; an
     * HTTP request of this application to the returned URL joins its HTTP session to this one.
     */
    @Override
    public URL encodeURL(URL url) {
        checkValid();
        return ProtocolSessions.encode(url, id);
    }

    /**
     * Joins an HTTP session of this application to this application session (a converged
     * application's HTTP request). Any thread.
     *
     * @param http the HTTP session, as the application sees it
     * @throws IllegalStateException when this session is invalid
     */
    public void addHttpSession(HttpSession http) {
        checkValid();
        sessions.joinHttp(http);
        access();
    }

    /**
     * Forgets an HTTP session that ended or joined another application session; this session may
     * then be ready to invalidate. Any thread.
     *
     * @param httpSessionId the HTTP session's id
     */
    public void removeHttpSession(String httpSessionId) {
        if (sessions.leaveHttp(httpSessionId)) {
            checkReadyLater();
        }
    }

    @Override
    public Collection<ServletTimer> getTimers() {
        checkValid();
        return new ArrayList<>(pending.timers());
    }

    @Override
    public ServletTimer getTimer(String tid) {
        checkValid();
        return tid == null ? null : pending.timer(tid);
    }

    /**
     * The unfinished tasks submitted for this session to the application's
     * {@code ManagedExecutorService} (a snapshot): a task leaves the set when it completes, fails
     * or is cancelled.
     */
    @Override
    public Set<Future> getTaskFutures() {
        checkValid();
        return new HashSet<>(pending.tasks());
    }

    /**
     * One unfinished task by identifier: the task's {@code ManagedTask.IDENTITY_NAME} execution
     * property when it has one, else the identifier the container gave it.
     */
    @Override
    public Future getTaskFuture(String tid) {
        checkValid();
        return tid == null ? null : pending.task(tid);
    }

    // ------------------------------------------------------------------ index keys

    @Override
    public void addIndexKey(String key) {
        checkValid();
        indexKeys.add(key);
    }

    @Override
    public void removeIndexKey(String key) {
        checkValid();
        indexKeys.remove(key);
    }

    @Override
    public Set<String> getIndexKeys() {
        checkValid();
        return indexKeys.copy();
    }

    Set<String> indexKeysInternal() {
        return indexKeys.live();
    }

    // ------------------------------------------------------------------ attributes

    @Override
    public void setAttribute(String name, Object value) {
        checkValid();
        DistributableAttributes.check(app, name, value);
        touched = true;
        attributes.set(name, value, events);
    }

    @Override
    public Object getAttribute(String name) {
        checkValid();
        return attributes.get(name);
    }

    @Override
    public void removeAttribute(String name) {
        checkValid();
        touched = true;
        attributes.remove(name, events);
    }

    @Override
    public Iterator<String> getAttributeNames() {
        checkValid();
        return attributes.names().iterator();
    }

    @Override
    public Set<String> getAttributeNameSet() {
        checkValid();
        return attributes.names();
    }

    @Override
    public void clearAttributes() {
        checkValid();
        touched = true;
        attributes.removeAll(events);
    }

    private void checkValid() {
        if (!valid) {
            throw new IllegalStateException("application session " + id + " was invalidated");
        }
    }

    @Override
    public String toString() {
        return "SipApplicationSession[" + id + "]";
    }
}
