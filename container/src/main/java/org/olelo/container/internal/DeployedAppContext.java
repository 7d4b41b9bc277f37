package org.olelo.container.internal;

import jakarta.servlet.ServletContext;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.olelo.container.internal.deploy.DeployedApp;
import org.olelo.container.internal.session.AppContext;
import org.olelo.container.internal.session.SipApplicationSessionImpl;

/**
 * One deployed version of an application as the session layer sees it. Every application session
 * holds the version that created it, and everything the container does for a session (requests
 * and responses of its dialogs, ACK, CANCEL, proxy responses, timers, expiry, listeners) finds
 * its servlets through {@link #of(SipApplicationSessionImpl)}, never by the application's name:
 * so a session stays on its version while a newer one takes new sessions. Counts its live
 * application sessions for draining.
 *
 * <p>Its end has two steps. While the version is <em>destroyed</em> (its servlets'
 * {@code destroy()} and {@code contextDestroyed} run), nothing of the SIP traffic reaches it any
 * more ({@link #of} is null), but its listeners stay, so that the sessions and timers its own
 * {@code SipFactory}, {@code SipSessionsUtil} and {@code TimerService} make in that code work.
 * Once it is <em>gone</em>, its listeners are not called either. Any thread.
 */
final class DeployedAppContext implements AppContext {

    private final DeployedApp app;
    private final LongAdder live = new LongAdder();
    /** No SIP message is dispatched to the version any more: it is being destroyed, or gone. */
    private volatile boolean closing;
    private volatile boolean gone;

    DeployedAppContext(DeployedApp app) {
        this.app = app;
    }

    /**
     * The version an application session belongs to.
     *
     * @return its version, or null when that version is being destroyed or was destroyed (the
     *         session was left behind by a drain that could not end it, or was made by the
     *         version's own teardown code): no servlet of it may run any more
     */
    static DeployedAppContext of(SipApplicationSessionImpl as) {
        return as.app() instanceof DeployedAppContext v && !v.closing ? v : null;
    }

    DeployedApp app() {
        return app;
    }

    /** How many application sessions of this version are valid. */
    int liveSessions() {
        return (int) live.sum();
    }

    /**
     * The version is about to be destroyed: SIP messages of its sessions no longer reach its
     * servlets, while its container objects keep working for its teardown code.
     */
    void markClosing() {
        closing = true;
    }

    /** The version was destroyed: sessions left over no longer reach it, not even its listeners. */
    void markGone() {
        closing = true;
        gone = true;
    }

    @Override
    public void sessionAdded() {
        live.increment();
    }

    @Override
    public void sessionRemoved() {
        live.decrement();
    }

    @Override
    public String name() {
        return app.name();
    }

    @Override
    public ServletContext servletContext() {
        return app.servletContext();
    }

    @Override
    public <T> List<T> listeners(Class<T> type) {
        return gone ? List.of() : app.listeners(type);
    }

    @Override
    public boolean distributable() {
        return app.descriptor().distributable();
    }

    @Override
    public int sessionTimeoutMinutes() {
        return app.sessionTimeoutMinutes();
    }

    @Override
    public void runInContext(Runnable code) {
        app.runInContext(code);
    }

    @Override
    public boolean hasServlet(String servletName) {
        return app.servlet(servletName) != null;
    }

    @Override
    public boolean hasApplicationKey() {
        return app.applicationKeyMethod() != null;
    }

    @Override
    public String applicationKey(jakarta.servlet.sip.SipServletRequest initialRequest) throws Exception {
        org.olelo.container.internal.deploy.ApplicationKeyMethod m = app.applicationKeyMethod();
        return m == null ? null : app.callInContext(() -> m.key(initialRequest));
    }

    @Override
    public String toString() {
        return app.label();
    }
}
