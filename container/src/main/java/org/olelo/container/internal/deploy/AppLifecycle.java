package org.olelo.container.internal.deploy;

import jakarta.servlet.Servlet;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextAttributeListener;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.sip.SipServlet;
import jakarta.servlet.sip.SipServletContextEvent;
import jakarta.servlet.sip.SipServletListener;
import org.olelo.container.internal.cdi.AppCdiContainer;
import org.olelo.container.internal.context.ServletConfigImpl;
import org.olelo.container.internal.context.SipServletContextImpl;
import org.olelo.container.internal.naming.AppNamespaces;
import org.olelo.container.internal.pojo.PojoHandlers;
import org.olelo.container.internal.pojo.PojoServlet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Brings one application up and down: copy, descriptor, class loader, context,
 * JNDI names, CDI container, listener and servlet instances (a SIP servlet POJO wrapped in a
 * {@link PojoServlet}), initialisation (with what the application registers from its context
 * meanwhile, {@link AppRegistrations}); and the reverse,
 * also used to undo a deployment that failed half way. Deployer thread only.
 */
final class AppLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(AppLifecycle.class);

    private final Path source;
    private final Path work;
    private final AppServicesFactory factory;
    private final int deployment;
    private AppClassLoader loader;
    private String name;
    private AppServices services;
    private AppCdiContainer cdi;
    private SipServletContextImpl context;
    private AutoCloseable http;
    private final List<AppCdiContainer.Managed<?>> managed = new ArrayList<>();
    private final List<ServletContextListener> startedListeners = new ArrayList<>();
    private final List<Servlet> initialized = new ArrayList<>();
    private boolean stopped;

    private AppLifecycle(Path source, Path work, int deployment, AppServicesFactory factory) {
        this.deployment = deployment;
        this.source = source;
        this.work = work;
        this.factory = factory;
    }

    /**
     * Deploys one application.
     *
     * @param source    the archive or folder
     * @param work      an empty folder for the application's private copy
     * @param deployment the number of this deployment ({@link DeployedApp#deployment()})
     * @param factory   creates the application's container objects
     * @param parent    the container's class loader (shared APIs)
     * @param nameTaken tells whether a name is already used by another source
     * @return the running application
     * @throws DeploymentException with file, line and reason; everything done so far is undone
     */
    static DeployedApp launch(Path source, Path work, int deployment, AppServicesFactory factory, ClassLoader parent,
                              Predicate<String> nameTaken) throws DeploymentException {
        AppLifecycle lc = new AppLifecycle(source, work, deployment, factory);
        try {
            return lc.start(parent, nameTaken);
        } catch (DeploymentException e) {
            lc.stop();
            throw lc.relocate(e);
        } catch (Throwable e) {
            if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
                throw (VirtualMachineError) e;
            }
            lc.stop();
            throw new DeploymentException(new DeployProblem(source, 0, describe(e)), e);
        }
    }

    private DeployedApp start(ClassLoader parent, Predicate<String> nameTaken) throws DeploymentException {
        long t0 = System.nanoTime();
        AppFiles.unpack(source, work);
        Path sipXml = work.resolve("WEB-INF/sip.xml");
        if (!Files.isDirectory(work.resolve("WEB-INF"))) {
            throw new DeploymentException(source, 0, "expected a WEB-INF folder (with sip.xml or annotated classes)");
        }
        boolean hasXml = Files.isRegularFile(sipXml);
        // First reading: the name only; servlet names are checked once the annotations are known.
        AppDescriptor xml = hasXml ? SipXmlParser.parse(sipXml, n -> true) : AppDescriptor.empty();
        String fallback = AppFiles.baseName(source);
        loader = new AppClassLoader(xml.appName() != null ? xml.appName() : fallback, work, parent);
        AppClassIndex index;
        try {
            index = AppClassIndex.scan(work);
        } catch (IOException e) {
            throw new DeploymentException(source, 0, "cannot read classes: " + e);
        }
        ScannedAnnotations scanned = AnnotationScanner.scan(index.sipAnnotated(), loader, source);
        if (hasXml) {
            Set<String> annotated = new HashSet<>();
            scanned.servlets().forEach(s -> annotated.add(s.name()));
            xml = SipXmlParser.parse(sipXml, annotated::contains);
        }
        AppDescriptor d = DescriptorMerger.merge(xml, scanned, fallback, source);
        if (nameTaken.test(d.appName())) {
            throw new DeploymentException(source, 0, "application name '" + d.appName()
                    + "' is already deployed from another file");
        }
        name = d.appName();
        ApplicationKeyMethod keyMethod = ApplicationKeyMethod.find(index.sipAnnotated(), loader, name, source);
        services = factory.create(name, loader);
        WebDescriptor web = WebXmlParser.parse(work);
        Map<String, String> declared = new LinkedHashMap<>(web.contextParams());
        declared.putAll(d.contextParams());
        Map<String, String> params = ContextParamOverrides.apply(declared, source.resolveSibling(name + ".properties"));
        context = new SipServletContextImpl(new SipServletContextImpl.Settings(name, d.displayName(), loader, work,
                params, d.mainServlet(), d.effectiveProxyTimeoutSeconds(),
                d.effectiveSessionTimeoutMinutes(), d.distributable()));
        ContainerObjects.publish(context, services);
        factory.contextCreated(name, services, context);
        Map<String, Object> names = ContainerObjects.names(name, services);
        AppNamespaces.bind(loader, names);
        Map<String, Servlet> servlets = new LinkedHashMap<>();
        List<Object> listeners = new ArrayList<>();
        DeployedApp app;
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(loader);
        try {
            cdi = AppCdiContainer.start(name, loader, loadAll(index.beanCandidates()),
                    ContainerObjects.beans(context, services), names);
            context.setAttribute(jakarta.enterprise.inject.spi.BeanManager.class.getName(), cdi.beanManager());
            instantiate(d, servlets, listeners);
            app = new DeployedApp(source, work, deployment, d, loader, context, servlets, listeners, keyMethod, this);
            context.setServletLookup(servlets::get);
            AppRegistrations registrations = new AppRegistrations(servlets, app, this::create, source);
            context.setRegistrations(registrations);
            context.setAttributeListeners(() -> app.listeners(ServletContextAttributeListener.class));
            initialise(servlets, app, registrations);
            HttpApp httpApp = new HttpApp(app, context, web, index.webAnnotated(), this::create);
            if (httpApp.hasHttpParts()) {
                http = factory.startHttp(httpApp);
            }
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        LOG.info("Deployed {} from {} in {} ms: servlets {}", app.label(), source, (System.nanoTime() - t0) / 1_000_000,
                servlets.keySet());
        return app;
    }

    private List<Class<?>> loadAll(List<String> names) {
        List<Class<?>> out = new ArrayList<>();
        for (String n : names) {
            try {
                out.add(Class.forName(n, false, loader));
            } catch (ClassNotFoundException | LinkageError e) {
                LOG.debug("{}: class {} skipped for CDI: {}", source, n, e.toString());
            }
        }
        return out;
    }

    private void instantiate(AppDescriptor d, Map<String, Servlet> servlets, List<Object> listeners)
            throws DeploymentException {
        // A class that is both a servlet and a listener has one instance; two servlet
        // declarations of one class have one instance each, as each has its own configuration.
        Map<Class<?>, Object> byClass = new HashMap<>();
        List<ServletDef> order = new ArrayList<>(d.servlets());
        order.sort(Comparator.comparingInt(s -> s.loadOnStartup() < 0 ? Integer.MAX_VALUE : s.loadOnStartup()));
        for (ServletDef s : order) {
            Class<?> c = load(s.className(), "servlet " + s.name());
            PojoHandlers handlers = Servlet.class.isAssignableFrom(c) ? null : AnnotationScanner.checkPojo(c, source);
            Object instance = byClass.containsKey(c) ? create(c) : byClass.computeIfAbsent(c, this::create);
            servlets.put(s.name(), handlers == null ? (Servlet) instance : new PojoServlet(instance, handlers));
        }
        for (String l : d.listenerClasses()) {
            listeners.add(byClass.computeIfAbsent(load(l, "listener"), this::create));
        }
    }

    /** An injected instance, destroyed with the application; any thread (servlet POJOs may be created later). */
    private synchronized Object create(Class<?> c) {
        if (stopped) {
            throw new IllegalStateException("application " + name + " is stopped");
        }
        AppCdiContainer.Managed<?> m = cdi.create(c);
        managed.add(m);
        return m.get();
    }

    private Class<?> load(String className, String what) throws DeploymentException {
        try {
            return Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new DeploymentException(new DeployProblem(source, 0, what + ": class " + className
                    + " not found or not loadable: " + e.getMessage()), e);
        }
    }

    private void initialise(Map<String, Servlet> servlets, DeployedApp app, AppRegistrations registrations)
            throws DeploymentException {
        ServletContextEvent event = new ServletContextEvent(context);
        for (ServletContextListener l : app.listeners(ServletContextListener.class)) {
            try {
                l.contextInitialized(event);
            } catch (RuntimeException ex) {
                throw new DeploymentException(new DeployProblem(source, 0, "listener " + l.getClass().getName()
                        + " failed in contextInitialized: " + describe(ex)), ex);
            }
            startedListeners.add(l);
        }
        context.markInitialized();
        registrations.freeze();
        for (Map.Entry<String, Servlet> e : servlets.entrySet()) {
            AppServletRegistration r = registrations.of(e.getKey());
            try {
                e.getValue().init(new ServletConfigImpl(e.getKey(), context, r.getInitParameters()));
            } catch (Exception ex) {
                throw new DeploymentException(new DeployProblem(source, 0, "servlet " + e.getKey() + " ("
                        + r.getClassName() + ") failed in init: " + describe(ex)), ex);
            }
            initialized.add(e.getValue());
            if (e.getValue() instanceof SipServlet sip) {
                SipServletContextEvent ce = new SipServletContextEvent(context, sip);
                for (SipServletListener l : app.listeners(SipServletListener.class)) {
                    try {
                        l.servletInitialized(ce);
                    } catch (RuntimeException ex) {
                        throw new DeploymentException(new DeployProblem(source, 0, "listener " + l.getClass().getName()
                                + " failed in servletInitialized: " + describe(ex)), ex);
                    }
                }
            }
        }
    }

    /** Undoes whatever {@link #start} achieved; safe to call more than once. */
    void stop() {
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
        }
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        if (loader != null) {
            Thread.currentThread().setContextClassLoader(loader);
        }
        try {
            for (int i = initialized.size() - 1; i >= 0; i--) {
                Servlet s = initialized.get(i);
                quietly("destroy of " + s.getClass().getName(), s::destroy);
            }
            ServletContextEvent event = context == null ? null : new ServletContextEvent(context);
            for (int i = startedListeners.size() - 1; i >= 0; i--) {
                ServletContextListener l = startedListeners.get(i);
                quietly("contextDestroyed of " + l.getClass().getName(), () -> l.contextDestroyed(event));
            }
            AutoCloseable h = http;
            if (h != null) {
                // after the SIP side: stopping the HTTP side clears the shared context attributes
                quietly("stop of the HTTP side", () -> {
                    try {
                        h.close();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
            List<AppCdiContainer.Managed<?>> created;
            synchronized (this) {
                created = List.copyOf(managed);
            }
            for (int i = created.size() - 1; i >= 0; i--) {
                quietly("pre-destroy", created.get(i)::destroy);
            }
            if (cdi != null) {
                quietly("CDI shutdown", cdi::close);
            }
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
            if (loader != null) {
                AppNamespaces.unbind(loader);
            }
        }
        if (services != null) {
            quietly("release of services", () -> factory.release(name, services));
        }
        if (loader != null) {
            quietly("class loader close", () -> {
                try {
                    loader.close();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        quietly("work folder removal", () -> {
            try {
                AppFiles.deleteTree(work);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private void quietly(String what, Runnable r) {
        try {
            r.run();
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("{}: {} failed: {}", source, what, e.toString(), e);
        }
    }

    /** Shows problems found in the work copy against the original source. */
    private DeploymentException relocate(DeploymentException e) {
        DeployProblem p = e.problem();
        if (!p.file().startsWith(work)) {
            return e;
        }
        String rel = work.relativize(p.file()).toString().replace('\\', '/');
        Path shown = Files.isDirectory(source) ? source.resolve(rel) : Path.of(source + "!/" + rel);
        return new DeploymentException(new DeployProblem(shown, p.line(), p.reason()), e.getCause());
    }

    static String describe(Throwable e) {
        String m = e.getMessage();
        String first = m == null ? "" : m.lines().findFirst().orElse("");
        return e.getClass().getSimpleName() + (first.isEmpty() ? "" : ": " + first);
    }
}
