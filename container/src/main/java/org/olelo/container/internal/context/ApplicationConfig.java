package org.olelo.container.internal.context;

import jakarta.servlet.sip.SipApplicationConfiguration;

import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * The {@link SipApplicationConfiguration} of one application. The main servlet
 * may be changed while the context is being initialised (deployer thread) and
 * is read afterwards by SIP worker threads, hence volatile.
 */
final class ApplicationConfig implements SipApplicationConfiguration {

    private final String name;
    private final int proxyTimeout;
    private final int sessionTimeout;
    private final boolean distributable;
    private final BooleanSupplier initialized;
    private final Predicate<String> servletExists;
    private volatile String mainServlet;

    ApplicationConfig(String name, String mainServlet, int proxyTimeout, int sessionTimeout, boolean distributable,
                      BooleanSupplier initialized, Predicate<String> servletExists) {
        this.name = name;
        this.mainServlet = mainServlet;
        this.proxyTimeout = proxyTimeout;
        this.sessionTimeout = sessionTimeout;
        this.distributable = distributable;
        this.initialized = initialized;
        this.servletExists = servletExists;
    }

    @Override
    public String getApplicationName() {
        return name;
    }

    @Override
    public String getMainServlet() {
        return mainServlet;
    }

    @Override
    public void setMainServlet(String servletName) {
        Objects.requireNonNull(servletName, "servletName");
        if (initialized.getAsBoolean()) {
            throw new IllegalStateException("setMainServlet: application '" + name + "' is already initialised");
        }
        if (!servletExists.test(servletName)) {
            throw new IllegalArgumentException("setMainServlet: no servlet '" + servletName + "' in '" + name + "'");
        }
        mainServlet = servletName;
    }

    @Override
    public int getProxyTimeout() {
        return proxyTimeout;
    }

    @Override
    public int getSessionTimeout() {
        return sessionTimeout;
    }

    @Override
    public boolean getDistributable() {
        return distributable;
    }
}
