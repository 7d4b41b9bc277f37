package org.olelo.container.internal.deploy;

import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.ServletSecurityElement;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The registration of one servlet of an application, declared (sip.xml, {@code @SipServlet}) or
 * added while its context was initialised ({@code addServlet}, {@code addServletPOJO}): its name
 * and class, its init parameters (handed to the servlet's {@code init}), load-on-startup and
 * run-as role, which can be set until the application's servlets are initialised. The URL
 * mappings, security, multipart and asynchronous settings of HTTP servlets are refused: a SIP
 * servlet has none, and HTTP servlets are declared in web.xml or with {@code @WebServlet}.
 *
 * <p>Changed on the deployer thread only; read from any thread once frozen.
 */
final class AppServletRegistration implements ServletRegistration.Dynamic {

    private final String name;
    private final String className;
    private final Map<String, String> initParams = Collections.synchronizedMap(new LinkedHashMap<>());
    private int loadOnStartup = -1;
    private String runAsRole;
    private volatile boolean frozen;

    AppServletRegistration(String name, String className, Map<String, String> initParams) {
        this.name = name;
        this.className = className;
        this.initParams.putAll(initParams);
    }

    /** The servlets are being initialised: the registration can no longer change. */
    void freeze() {
        frozen = true;
    }

    private void checkOpen() {
        if (frozen) {
            throw new IllegalStateException("servlet " + name + " is already initialised");
        }
    }

    private static UnsupportedOperationException http(String method) {
        return new UnsupportedOperationException("ServletRegistration." + method
                + " configures HTTP, which a SIP servlet has not (SIP servlets are chosen by sip.xml"
                + " mappings or as the main servlet; HTTP servlets are declared in web.xml or with @WebServlet)");
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getClassName() {
        return className;
    }

    @Override
    public boolean setInitParameter(String param, String value) {
        if (param == null || value == null) {
            throw new IllegalArgumentException("init parameter name and value are required");
        }
        checkOpen();
        return initParams.putIfAbsent(param, value) == null;
    }

    @Override
    public String getInitParameter(String param) {
        return initParams.get(Objects.requireNonNull(param, "name"));
    }

    @Override
    public Set<String> setInitParameters(Map<String, String> params) {
        checkOpen();
        Set<String> conflicts = new HashSet<>();
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) {
                throw new IllegalArgumentException("init parameter names and values are required");
            }
            if (initParams.containsKey(e.getKey())) {
                conflicts.add(e.getKey());
            }
        }
        if (conflicts.isEmpty()) {
            initParams.putAll(params);
        }
        return conflicts;
    }

    @Override
    public Map<String, String> getInitParameters() {
        synchronized (initParams) {
            return Collections.unmodifiableMap(new LinkedHashMap<>(initParams));
        }
    }

    @Override
    public void setLoadOnStartup(int value) {
        checkOpen();
        loadOnStartup = value;
    }

    /** The load-on-startup the application asked for (every servlet is initialised at deployment). */
    int loadOnStartup() {
        return loadOnStartup;
    }

    @Override
    public void setRunAsRole(String role) {
        checkOpen();
        runAsRole = role;
    }

    @Override
    public String getRunAsRole() {
        return runAsRole;
    }

    @Override
    public Collection<String> getMappings() {
        return List.of();
    }

    @Override
    public Set<String> addMapping(String... urlPatterns) {
        throw http("addMapping");
    }

    @Override
    public Set<String> setServletSecurity(ServletSecurityElement constraint) {
        throw http("setServletSecurity");
    }

    @Override
    public void setMultipartConfig(MultipartConfigElement config) {
        throw http("setMultipartConfig");
    }

    @Override
    public void setAsyncSupported(boolean supported) {
        throw http("setAsyncSupported");
    }
}
