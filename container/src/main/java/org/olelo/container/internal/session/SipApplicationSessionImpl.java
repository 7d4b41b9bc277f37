package org.olelo.container.internal.session;

import jakarta.servlet.sip.ServletTimer;
import jakarta.servlet.sip.SipApplicationSession;
import jakarta.servlet.sip.SipApplicationSessionAttributeListener;
import jakarta.servlet.sip.SipApplicationSessionBindingEvent;
import jakarta.servlet.sip.SipApplicationSessionBindingListener;
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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import org.olelo.container.internal.invoke.SerialExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An application session: the unit of state and of serial execution of one application for one
 * call or service instance. All application code concerning it runs on its {@link SerialExecutor}.
 *
 * <p>Expiry: one timer per session, armed at creation and re-armed by {@link #setExpires}; when it
 * fires, {@code sessionExpired} listeners may extend the lifetime, otherwise the session is
 * invalidated. With invalidate-when-ready (the default), the session is invalidated as soon as all
 * its SIP sessions are ready and no timer is pending.
 */
public final class SipApplicationSessionImpl implements SipApplicationSession {

    private static final Logger LOG = LoggerFactory.getLogger(SipApplicationSessionImpl.class);

    private final SessionManager manager;
    private final AppContext app;
    private final String id;
    private final SerialExecutor executor;
    private final long created = System.currentTimeMillis();
    private final AttributeMap attributes = new AttributeMap();
    private final ConcurrentHashMap<String, SipSessionImpl> sessions = new ConcurrentHashMap<>(4);
    private final ConcurrentHashMap<String, ServletTimer> timers = new ConcurrentHashMap<>(2);
    private final Set<String> indexKeys = ConcurrentHashMap.newKeySet();
    private volatile long lastAccessed = created;
    private volatile long expirationTime;
    private volatile boolean valid = true;
    private volatile boolean invalidateWhenReady = true;
    private ScheduledFuture<?> expiryTimer;

    SipApplicationSessionImpl(SessionManager manager, AppContext app, String id, SerialExecutor executor) {
        this.manager = manager;
        this.app = app;
        this.id = id;
        this.executor = executor;
        int minutes = app.sessionTimeoutMinutes();
        armExpiry(minutes <= 0 ? 0 : minutes * 60_000L);
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
    }

    void fireCreated() {
        List<SipApplicationSessionListener> ls = app.listeners(SipApplicationSessionListener.class);
        if (!ls.isEmpty()) {
            SipApplicationSessionEvent e = new SipApplicationSessionEvent(this);
            for (SipApplicationSessionListener l : ls) {
                l.sessionCreated(e);
            }
        }
    }

    private synchronized void armExpiry(long millis) {
        if (expiryTimer != null) {
            expiryTimer.cancel(false);
            expiryTimer = null;
        }
        if (millis <= 0) {
            expirationTime = 0;
            return;
        }
        expirationTime = System.currentTimeMillis() + millis;
        expiryTimer = manager.scheduler().schedule(() -> executor.execute(this::expire), millis);
    }

    private void expire() {
        if (!valid || expirationTime == 0 || System.currentTimeMillis() < expirationTime) {
            return;
        }
        List<SipApplicationSessionListener> ls = app.listeners(SipApplicationSessionListener.class);
        if (!ls.isEmpty()) {
            SipApplicationSessionEvent e = new SipApplicationSessionEvent(this);
            app.runInContext(() -> ls.forEach(l -> l.sessionExpired(e)));
        }
        if (valid && System.currentTimeMillis() >= expirationTime) {
            invalidate();
        }
    }

    /** Registers a SIP session created for this application session. */
    void addSession(SipSessionImpl s) {
        sessions.put(s.getId(), s);
    }

    /** Called when a SIP session became ready to invalidate; invalidates this session when all are. */
    void sessionReady() {
        if (valid && invalidateWhenReady && isReadyToInvalidate()) {
            invalidate();
        }
    }

    /** Registers an application timer (removed again when it fires for the last time or is cancelled). */
    public void addTimer(ServletTimer t) {
        timers.put(t.getId(), t);
    }

    /** Forgets a timer that ended. */
    public void removeTimer(ServletTimer t) {
        timers.remove(t.getId());
        sessionReady();
    }

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
    public long getExpirationTime() {
        checkValid();
        return expirationTime;
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
    public int setExpires(int deltaMinutes) {
        checkValid();
        armExpiry(deltaMinutes <= 0 ? 0 : deltaMinutes * 60_000L);
        return deltaMinutes <= 0 ? Integer.MAX_VALUE : deltaMinutes;
    }

    @Override
    public void invalidate() {
        checkValid();
        valid = false;
        synchronized (this) {
            if (expiryTimer != null) {
                expiryTimer.cancel(false);
            }
        }
        List<SipApplicationSessionListener> ls = app.listeners(SipApplicationSessionListener.class);
        if (!ls.isEmpty()) {
            SipApplicationSessionEvent e = new SipApplicationSessionEvent(this);
            try {
                app.runInContext(() -> ls.forEach(l -> l.sessionDestroyed(e)));
            } catch (RuntimeException ex) {
                LOG.warn("{}: sessionDestroyed listener failed", app.name(), ex);
            }
        }
        for (ServletTimer t : List.copyOf(timers.values())) {
            t.cancel();
        }
        for (SipSessionImpl s : List.copyOf(sessions.values())) {
            if (s.isValid()) {
                s.invalidateFromParent();
            }
        }
        for (String name : attributes.names()) {
            unbind(name, attributes.remove(name));
        }
        manager.removed(this);
    }

    @Override
    public boolean isValid() {
        return valid;
    }

    @Override
    public boolean isReadyToInvalidate() {
        checkValid();
        if (!timers.isEmpty()) {
            return false;
        }
        for (SipSessionImpl s : sessions.values()) {
            if (s.isValid() && !s.readyToInvalidate()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void setInvalidateWhenReady(boolean v) {
        checkValid();
        invalidateWhenReady = v;
    }

    @Override
    public boolean getInvalidateWhenReady() {
        checkValid();
        return invalidateWhenReady;
    }

    @Override
    public Iterator<?> getSessions() {
        return getSessionSet().iterator();
    }

    @Override
    public Set<?> getSessionSet() {
        checkValid();
        return Set.copyOf(sessions.values());
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
        if (protocol.equalsIgnoreCase("SIP")) {
            return Set.copyOf(sessions.values());
        }
        if (protocol.equalsIgnoreCase("HTTP")) {
            return Set.of();
        }
        throw new IllegalArgumentException("unknown protocol " + protocol + ": expected SIP or HTTP");
    }

    @Override
    public SipSession getSipSession(String sid) {
        checkValid();
        return sessions.get(sid);
    }

    @Override
    public Object getSession(String sid, Protocol protocol) {
        checkValid();
        return protocol == Protocol.SIP ? sessions.get(sid) : null;
    }

    @Override
    public void encodeURI(URI uri) {
        checkValid();
        uri.setParameter(SessionManager.ENCODED_URI_PARAM, id);
    }

    @Override
    public URL encodeURL(URL url) {
        throw new UnsupportedOperationException("SipApplicationSession.encodeURL is not implemented yet: HTTP is not served");
    }

    @Override
    public Iterator<String> getAttributeNames() {
        checkValid();
        return attributes.names().iterator();
    }

    @Override
    public Collection<ServletTimer> getTimers() {
        checkValid();
        return new ArrayList<>(timers.values());
    }

    @Override
    public ServletTimer getTimer(String tid) {
        checkValid();
        return timers.get(tid);
    }

    @Override
    public Set<Future> getTaskFutures() {
        checkValid();
        return Set.of();
    }

    @Override
    public Future getTaskFuture(String tid) {
        checkValid();
        return null;
    }

    @Override
    public void addIndexKey(String key) {
        checkValid();
        manager.addIndexKey(this, key);
        indexKeys.add(key);
    }

    @Override
    public void removeIndexKey(String key) {
        checkValid();
        indexKeys.remove(key);
        manager.removeIndexKey(this, key);
    }

    @Override
    public Set<String> getIndexKeys() {
        checkValid();
        return new HashSet<>(indexKeys);
    }

    Set<String> indexKeysInternal() {
        return indexKeys;
    }

    @Override
    public void setAttribute(String name, Object value) {
        checkValid();
        Object old = attributes.put(name, value);
        if (old != value) {
            unbind(name, old);
            if (value instanceof SipApplicationSessionBindingListener b) {
                b.valueBound(new SipApplicationSessionBindingEvent(this, name));
            }
        }
        List<SipApplicationSessionAttributeListener> ls = app.listeners(SipApplicationSessionAttributeListener.class);
        if (!ls.isEmpty()) {
            SipApplicationSessionBindingEvent e = new SipApplicationSessionBindingEvent(this, name);
            for (SipApplicationSessionAttributeListener l : ls) {
                if (old == null) {
                    l.attributeAdded(e);
                } else {
                    l.attributeReplaced(e);
                }
            }
        }
    }

    @Override
    public Object getAttribute(String name) {
        checkValid();
        return attributes.get(name);
    }

    @Override
    public void removeAttribute(String name) {
        checkValid();
        Object old = attributes.remove(name);
        if (old != null) {
            unbind(name, old);
            SipApplicationSessionBindingEvent e = new SipApplicationSessionBindingEvent(this, name);
            app.listeners(SipApplicationSessionAttributeListener.class).forEach(l -> l.attributeRemoved(e));
        }
    }

    private void unbind(String name, Object old) {
        if (old instanceof SipApplicationSessionBindingListener b) {
            b.valueUnbound(new SipApplicationSessionBindingEvent(this, name));
        }
    }

    @Override
    public Set<String> getAttributeNameSet() {
        checkValid();
        return attributes.names();
    }

    @Override
    public void clearAttributes() {
        checkValid();
        for (String n : attributes.names()) {
            removeAttribute(n);
        }
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
