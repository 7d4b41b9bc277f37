package org.olelo.container.internal.cdi;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.spi.AlterableContext;
import jakarta.enterprise.context.spi.Contextual;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.servlet.sip.annotation.SipApplicationSessionScoped;
import java.lang.annotation.Annotation;
import org.olelo.container.internal.session.CurrentApplicationSession;
import org.olelo.container.internal.session.SessionBeans;
import org.olelo.container.internal.session.SipApplicationSessionImpl;

/**
 * The context of {@link SipApplicationSessionScoped}: a bean's instance lives in the application
 * session whose work the calling thread runs ({@link CurrentApplicationSession}), kept in the
 * session itself ({@link SipApplicationSessionImpl#beans}), and is destroyed when that session is
 * invalidated or expires.
 *
 * <p>Active whenever the thread runs work of a valid application session: a servlet's
 * {@code service}, a listener callback, a {@code ServletTimer}, a task of the managed executor,
 * since the container makes the session current around each of them. An HTTP request of a
 * converged application that belongs to an application session gets the scope the same way: run
 * the HTTP servlet between {@code CurrentApplicationSession.enter(session)} and
 * {@code CurrentApplicationSession.restore(previous)}.
 *
 * <p>Costs nothing unless a bean of the scope is used: no storage is made for a session before
 * its first bean. Any thread.
 */
final class AppSessionContext implements AlterableContext {

    @Override
    public Class<? extends Annotation> getScope() {
        return SipApplicationSessionScoped.class;
    }

    @Override
    public boolean isActive() {
        return current() != null;
    }

    /** The valid application session of the calling thread's work, or null. */
    static SipApplicationSessionImpl current() {
        SipApplicationSessionImpl s = CurrentApplicationSession.get();
        return s != null && s.isValid() ? s : null;
    }

    /**
     * @return the application session of the calling thread's work
     * @throws ContextNotActiveException when the thread runs no work of an application session
     */
    static SipApplicationSessionImpl required() {
        SipApplicationSessionImpl s = current();
        if (s == null) {
            throw new ContextNotActiveException("no SIP application session is current: @SipApplicationSessionScoped"
                    + " beans and the current SipApplicationSession are only available while the container runs"
                    + " a servlet, listener, timer or task of a session");
        }
        return s;
    }

    /** The current session's beans, made when the session first uses a bean of the scope. */
    private static ScopedInstances store() {
        SipApplicationSessionImpl s = required();
        SessionBeans b = s.beans(() -> new ScopedInstances("application session " + s.getId()));
        if (!(b instanceof ScopedInstances store)) {
            throw new ContextNotActiveException("application session " + s.getId() + " was invalidated");
        }
        return store;
    }

    @Override
    public <T> T get(Contextual<T> bean, CreationalContext<T> cc) {
        return store().get(bean, cc);
    }

    @Override
    public <T> T get(Contextual<T> bean) {
        return store().get(bean);
    }

    @Override
    public void destroy(Contextual<?> bean) {
        store().destroy(bean);
    }
}
