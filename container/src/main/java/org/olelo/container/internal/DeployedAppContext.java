package org.olelo.container.internal;

import jakarta.servlet.ServletContext;
import java.util.List;
import org.olelo.container.internal.deploy.DeployedApp;
import org.olelo.container.internal.session.AppContext;

/** Adapts a deployed application to what the session layer needs. */
final class DeployedAppContext implements AppContext {

    private final DeployedApp app;

    DeployedAppContext(DeployedApp app) {
        this.app = app;
    }

    DeployedApp app() {
        return app;
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
        return app.listeners(type);
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
    public boolean hasApplicationKey() {
        return app.applicationKeyMethod() != null;
    }

    @Override
    public String applicationKey(jakarta.servlet.sip.SipServletRequest initialRequest) throws Exception {
        org.olelo.container.internal.deploy.ApplicationKeyMethod m = app.applicationKeyMethod();
        return m == null ? null : app.callInContext(() -> m.key(initialRequest));
    }
}
