package org.olelo.container.internal.context;

import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletContext;

import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The configuration given to one servlet of an application: its name, its init
 * parameters and the application's context.
 *
 * <p>Immutable; safe to read from any thread.
 */
public final class ServletConfigImpl implements ServletConfig {

    private final String servletName;
    private final ServletContext context;
    private final Map<String, String> initParams;

    /**
     * Creates the configuration of one servlet.
     *
     * @param servletName the servlet's name as declared in sip.xml or by annotation
     * @param context     the application's context
     * @param initParams  the servlet's init parameters, in declaration order
     */
    public ServletConfigImpl(String servletName, ServletContext context, Map<String, String> initParams) {
        this.servletName = Objects.requireNonNull(servletName, "servletName");
        this.context = Objects.requireNonNull(context, "context");
        this.initParams = Collections.unmodifiableMap(new LinkedHashMap<>(initParams));
    }

    @Override
    public String getServletName() {
        return servletName;
    }

    @Override
    public ServletContext getServletContext() {
        return context;
    }

    @Override
    public String getInitParameter(String name) {
        return initParams.get(Objects.requireNonNull(name, "name"));
    }

    @Override
    public Enumeration<String> getInitParameterNames() {
        return Collections.enumeration(initParams.keySet());
    }

    @Override
    public String toString() {
        return "ServletConfig[" + servletName + "]";
    }
}
