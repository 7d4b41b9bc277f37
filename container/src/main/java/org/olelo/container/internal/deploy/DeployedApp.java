package org.olelo.container.internal.deploy;

import jakarta.servlet.Servlet;
import jakarta.servlet.ServletContext;
import jakarta.servlet.sip.SipServletRequest;
import org.olelo.container.internal.cdi.InvocationContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One running application: its descriptor, class loader, context, servlet and
 * listener instances.
 *
 * <p>Created and shut down by the deployer thread ({@link AppLifecycle}); once
 * registered it is read concurrently by SIP worker threads: every getter is
 * thread-safe and the instance collections never change after deployment (listeners and roles
 * the application adds while its context is initialised are added on the deployer thread, before).
 * Application code must run through {@link #runInContext} / {@link #callInContext}
 * so that the thread context class loader is the application's.
 */
public final class DeployedApp {

    private final Path source;
    private final Path workDir;
    private final AppDescriptor descriptor;
    private final AppClassLoader loader;
    private final ServletContext context;
    private final Map<String, Servlet> servlets;
    private volatile List<Object> listeners;
    private volatile List<String> securityRoles;
    private final Map<Class<?>, List<?>> listenersByType = new ConcurrentHashMap<>();
    private final ApplicationKeyMethod keyMethod;
    private final AppLifecycle lifecycle;
    private final int deployment;
    /** Begun and ended around each invocation; null when the application has no {@code @SipInvocationScoped} bean. */
    private final InvocationContext invocations;

    DeployedApp(Path source, Path workDir, int deployment, AppDescriptor descriptor, AppClassLoader loader,
                ServletContext context, Map<String, Servlet> servlets, List<Object> listeners,
                ApplicationKeyMethod keyMethod, AppLifecycle lifecycle, InvocationContext invocations) {
        this.lifecycle = lifecycle;
        this.invocations = invocations;
        this.deployment = deployment;
        this.keyMethod = keyMethod;
        this.source = source;
        this.workDir = workDir;
        this.descriptor = descriptor;
        this.loader = loader;
        this.context = context;
        this.servlets = Collections.unmodifiableMap(servlets);
        this.listeners = List.copyOf(listeners);
        this.securityRoles = descriptor.securityRoles();
    }

    /** @return the application name */
    public String name() {
        return descriptor.appName();
    }

    /**
     * @return the number of this deployment, unique in the running server: two versions of one
     *         application, one serving and one draining, have different numbers
     */
    public int deployment() {
        return deployment;
    }

    /** @return the name and deployment number as the log shows them, e.g. {@code proxy deployment 3} */
    public String label() {
        return name() + " deployment " + deployment;
    }

    /** @return the archive or folder the application was deployed from */
    public Path source() {
        return source;
    }

    /** @return the private copy the application runs from */
    public Path workDir() {
        return workDir;
    }

    /** @return the merged sip.xml and annotation descriptor */
    public AppDescriptor descriptor() {
        return descriptor;
    }

    /** @return the application's class loader */
    public ClassLoader classLoader() {
        return loader;
    }

    /** @return the application's context (a {@link jakarta.servlet.sip.SipServletContext}) */
    public ServletContext servletContext() {
        return context;
    }

    /** @return the application session timeout in minutes (3 unless configured) */
    public int sessionTimeoutMinutes() {
        return descriptor.effectiveSessionTimeoutMinutes();
    }

    /** @return the application's {@code @SipApplicationKey} method, or null when it has none */
    public ApplicationKeyMethod applicationKeyMethod() {
        return keyMethod;
    }

    /** @return the default proxy timeout in seconds (180 unless configured) */
    public int proxyTimeoutSeconds() {
        return descriptor.effectiveProxyTimeoutSeconds();
    }

    /**
     * @param name a servlet name
     * @return the initialised servlet of that name, or null
     */
    public Servlet servlet(String name) {
        return name == null ? null : servlets.get(name);
    }

    /** @return the servlets by name, in initialisation order */
    public Map<String, Servlet> servlets() {
        return servlets;
    }

    /**
     * Chooses the servlet for an initial request routed to this application: the
     * main servlet when there is one (from sip.xml, {@code @SipApplication} or set
     * during initialisation); else the servlet of the first mapping that matches;
     * else, when the application has exactly one servlet and no mappings, that one.
     *
     * @param initialRequest the request
     * @return the servlet, or null when none applies
     */
    public Servlet selectServlet(SipServletRequest initialRequest) {
        String main = context instanceof jakarta.servlet.sip.SipServletContext sc
                ? sc.getSipApplicationConfiguration().getMainServlet() : descriptor.mainServlet();
        if (main != null) {
            return servlets.get(main);
        }
        for (ServletMapping m : descriptor.mappings()) {
            if (m.rule().matches(initialRequest)) {
                return servlets.get(m.servletName());
            }
        }
        if (descriptor.mappings().isEmpty() && servlets.size() == 1) {
            return servlets.values().iterator().next();
        }
        return null;
    }

    /**
     * @param type a listener interface ({@code SipApplicationSessionListener}, {@code TimerListener}, …)
     * @param <T>  that type
     * @return the application's listener instances implementing it, in declaration order
     */
    @SuppressWarnings("unchecked")
    public <T> List<T> listeners(Class<T> type) {
        return (List<T>) listenersByType.computeIfAbsent(type,
                t -> listeners.stream().filter(t::isInstance).toList());
    }

    /** Adds a listener registered while the context is initialised, after the declared ones. */
    void addListener(Object listener) {
        List<Object> more = new ArrayList<>(listeners);
        more.add(listener);
        listeners = List.copyOf(more);
        listenersByType.clear();
    }

    /**
     * @return the application's security roles: those of sip.xml and those declared with
     *         {@code ServletContext.declareRoles} while the context was initialised
     */
    public List<String> securityRoles() {
        return securityRoles;
    }

    /** Adds roles declared while the context is initialised. */
    void declareRoles(Collection<String> roles) {
        Set<String> all = new LinkedHashSet<>(securityRoles);
        all.addAll(roles);
        securityRoles = List.copyOf(all);
    }

    /**
     * Stops the application: servlets destroyed, context listeners told, CDI
     * container shut down, class loader closed, work folder removed. Idempotent;
     * deployer thread ({@link AppDrainer}, once the version has drained).
     */
    void shutdown() {
        lifecycle.stop();
    }

    /**
     * Runs application code with the application's class loader as the thread
     * context class loader, restoring the previous one afterwards. This is the boundary of one
     * invocation of the application: a {@code @SipInvocationScoped} bean lives until it returns
     * (a call nested in another one shares the outer one's beans).
     *
     * @param task the code
     * @param <T>  its result type
     * @return its result
     * @throws Exception whatever the task throws
     */
    public <T> T callInContext(Callable<T> task) throws Exception {
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        t.setContextClassLoader(loader);
        InvocationContext scope = invocations;
        boolean started = scope != null && scope.begin();
        try {
            return task.call();
        } finally {
            if (started) {
                scope.end(true);
            }
            t.setContextClassLoader(previous);
        }
    }

    /**
     * Like {@link #callInContext} for code without a result or checked exceptions.
     *
     * @param task the code
     */
    public void runInContext(Runnable task) {
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        t.setContextClassLoader(loader);
        InvocationContext scope = invocations;
        boolean started = scope != null && scope.begin();
        try {
            task.run();
        } finally {
            if (started) {
                scope.end(true);
            }
            t.setContextClassLoader(previous);
        }
    }

    @Override
    public String toString() {
        return "DeployedApp[" + label() + " from " + source + "]";
    }
}
