package org.olelo.container.internal.factory;

import jakarta.servlet.sip.SipApplicationSession;
import jakarta.servlet.sip.SipSession;
import jakarta.servlet.sip.SipSessionsUtil;
import java.lang.annotation.Annotation;
import java.util.Set;
import java.util.stream.Collectors;
import org.olelo.container.internal.message.SipServletRequestImpl;
import org.olelo.container.internal.session.AppContext;
import org.olelo.container.internal.session.CurrentApplicationSession;
import org.olelo.container.internal.session.SessionManager;
import org.olelo.container.internal.session.SipApplicationSessionImpl;
import org.olelo.container.internal.session.SipSessionImpl;
import org.olelo.container.internal.ua.UserAgentRole;

/**
 * Session look-ups for one deployed version of an application: it sees the sessions of its
 * application (of every version that still has some) and creates sessions of its own version;
 * {@link #getManagedBean} answers from its own version's beans. The current application session
 * is the one whose work (servlet call, timer, listener) the calling thread runs. Keys map to
 * application-session ids as in {@link SipFactoryImpl#keyId}, so a session created by
 * {@code createApplicationSessionByKey}, by an {@code @SipApplicationKey} method or here is the
 * same one, of whichever version created it first. Any thread.
 */
public final class SipSessionsUtilImpl implements SipSessionsUtil {

    private final String appName;
    private final AppLookup apps;
    private final SessionManager sessions;

    public SipSessionsUtilImpl(String appName, AppLookup apps, SessionManager sessions) {
        this.appName = appName;
        this.apps = apps;
        this.sessions = sessions;
    }

    /** Sets the application session whose code the current thread runs (container use). */
    public static void enter(SipApplicationSessionImpl s) {
        CurrentApplicationSession.enter(s);
    }

    /** Clears the current application session (container use). */
    public static void leave() {
        CurrentApplicationSession.restore(null);
    }

    @Override
    public SipApplicationSession getApplicationSessionById(String id) {
        if (id == null) {
            throw new NullPointerException("id");
        }
        SipApplicationSessionImpl s = sessions.applicationSession(id);
        return s != null && s.isValid() && s.getApplicationName().equals(appName) ? s : null;
    }

    @Override
    public SipApplicationSession getApplicationSessionByKey(String key, boolean create) {
        if (key == null) {
            throw new NullPointerException("key");
        }
        String id = SipFactoryImpl.keyId(appName, key);
        SipApplicationSessionImpl s = sessions.applicationSession(id);
        if (s != null && !s.isValid()) {
            s = null;
        }
        if (s == null && create) {
            AppContext app = apps.version();
            if (app == null) {
                throw new IllegalStateException("application " + appName + " is not deployed");
            }
            s = sessions.createApplicationSession(app, id);
        }
        return s;
    }

    @Override
    public SipSession getCorrespondingSipSession(SipSession session, String headerName) {
        if (!"Join".equalsIgnoreCase(headerName) && !"Replaces".equalsIgnoreCase(headerName)) {
            throw new IllegalArgumentException("only Join and Replaces identify a dialog, not " + headerName);
        }
        if (!(session instanceof SipSessionImpl s) || !(s.role() instanceof UserAgentRole ua)) {
            return null;
        }
        SipServletRequestImpl initial = ua.receivedInitialRequest();
        String value = initial == null ? null : initial.getHeader(headerName);
        if (value == null) {
            return null;
        }
        SipSessionImpl found = ua.userAgent().dialogs().named(value);
        return found != null && found.parent().getApplicationName().equals(appName) ? found : null;
    }

    @Override
    public Set<String> getSipApplicationSessionIds() {
        return sessions.ofApplication(appName).stream().map(SipApplicationSessionImpl::getId).collect(Collectors.toSet());
    }

    @Override
    public Set<String> getSipApplicationSessionIds(String indexKey) {
        return sessions.byIndexKey(indexKey).stream().filter(s -> s.getApplicationName().equals(appName))
                .map(SipApplicationSessionImpl::getId).collect(Collectors.toSet());
    }

    @Override
    public SipApplicationSession getCurrentApplicationSession() {
        SipApplicationSessionImpl s = CurrentApplicationSession.get();
        return s != null && s.getApplicationName().equals(appName) ? s : null;
    }

    @Override
    public <T> T getManagedBean(Class<T> type, Annotation[] qualifiers) {
        AppContext app = apps.version();
        Object bm = app == null ? null
                : app.servletContext().getAttribute(jakarta.enterprise.inject.spi.BeanManager.class.getName());
        if (!(bm instanceof jakarta.enterprise.inject.spi.BeanManager beans)) {
            throw new IllegalStateException("application " + appName + " has no CDI container");
        }
        Annotation[] q = qualifiers == null ? new Annotation[0] : qualifiers;
        jakarta.enterprise.inject.spi.Bean<?> bean = beans.resolve(beans.getBeans(type, q));
        if (bean == null) {
            return null;
        }
        return type.cast(beans.getReference(bean, type, beans.createCreationalContext(bean)));
    }
}
