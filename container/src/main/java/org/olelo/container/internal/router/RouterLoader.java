package org.olelo.container.internal.router;

import jakarta.servlet.sip.ar.SipApplicationRouter;
import jakarta.servlet.sip.ar.spi.SipApplicationRouterProvider;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the application router through the JSR 289/359 SPI, {@link SipApplicationRouterProvider}:
 * <ol>
 * <li>the provider class named by the system property
 *     {@code jakarta.servlet.sip.ar.spi.SipApplicationRouterProvider}, on the class path or in a jar
 *     of {@code deploy/lib/};</li>
 * <li>else the provider that {@link ServiceLoader} finds first through a
 *     {@code META-INF/services/jakarta.servlet.sip.ar.spi.SipApplicationRouterProvider} entry: on the
 *     class path first, then in the jars of {@code deploy/lib/} in name order (several: a WARN line
 *     names them all);</li>
 * <li>else Olelo's {@link DefaultApplicationRouter} over {@code deploy/routing.properties}.</li>
 * </ol>
 * The router is then given its configuration with {@code init(Properties)} ({@link #properties}),
 * with the class loader of {@code deploy/lib/} as the thread's context class loader, and one INFO
 * line names it and where it came from. A router that was asked for and cannot be had stops the
 * start ({@link RouterLoadException}): the server never routes with another router than the one
 * configured.
 *
 * <p>Starting thread only; loads classes and reads {@code deploy/lib/}.
 */
public final class RouterLoader {

    /** The system property that names the provider class (JSR 289/359). */
    public static final String PROVIDER_PROPERTY = SipApplicationRouterProvider.class.getName();
    /** Router property: the deploy folder, absolute. */
    public static final String DEPLOY_DIR_PROPERTY = "olelo.deploy.dir";
    /** Router property: the routing file ({@code deploy/routing.properties}), absolute. */
    public static final String ROUTING_FILE_PROPERTY = "olelo.routing.file";

    private static final Logger LOG = LoggerFactory.getLogger(RouterLoader.class);

    private RouterLoader() {
    }

    /**
     * The properties a router's {@code init(Properties)} gets: every {@code router.<name>} key of
     * the configuration as {@code <name>}, then {@value #DEPLOY_DIR_PROPERTY} and
     * {@value #ROUTING_FILE_PROPERTY}.
     *
     * @param deployDir   the deploy folder
     * @param routingFile the routing file
     * @param configured  the {@code router.*} keys of the configuration, without that prefix
     * @return a fresh set of properties
     */
    public static Properties properties(Path deployDir, Path routingFile, Map<String, String> configured) {
        Properties p = new Properties();
        configured.forEach(p::setProperty);
        p.setProperty(DEPLOY_DIR_PROPERTY, deployDir.toAbsolutePath().normalize().toString());
        p.setProperty(ROUTING_FILE_PROPERTY, routingFile.toAbsolutePath().normalize().toString());
        return p;
    }

    /**
     * Finds, creates and initialises the router.
     *
     * @param providerClass the value of {@link #PROVIDER_PROPERTY}, or null when it is not set
     * @param libDir        {@code deploy/lib/}, which need not exist
     * @param routingFile   the routing file of the default router
     * @param properties    what the router's {@code init(Properties)} gets
     * @param container     the container's class loader
     * @return the router in use
     * @throws RouterLoadException when the named or found provider, or its router, fails
     */
    public static LoadedRouter load(String providerClass, Path libDir, Path routingFile, Properties properties,
                                    ClassLoader container) throws RouterLoadException {
        URLClassLoader libraries = libraries(libDir, container);
        ClassLoader loader = libraries != null ? libraries : container;
        try {
            SipApplicationRouterProvider provider;
            String how;
            if (providerClass != null && !providerClass.isBlank()) {
                provider = named(providerClass.trim(), loader, libDir);
                how = "named by the system property " + PROVIDER_PROPERTY;
            } else {
                provider = found(loader, libDir);
                how = "found by its META-INF/services entry";
            }
            SipApplicationRouter router;
            String origin;
            if (provider == null) {
                router = new DefaultApplicationRouter(routingFile);
                origin = "the default router, reading " + routingFile + " (no " + PROVIDER_PROPERTY
                        + " on the class path or in " + libDir + ")";
            } else {
                router = routerOf(provider);
                origin = router.getClass().getName() + " from the provider " + provider.getClass().getName() + " in "
                        + where(provider.getClass(), libDir) + ", " + how;
            }
            init(router, properties, loader);
            LOG.info("Application router: {}", origin);
            return new LoadedRouter(router, origin, libraries);
        } catch (RouterLoadException | RuntimeException | Error e) {
            close(libraries);
            throw e;
        }
    }

    private static SipApplicationRouterProvider named(String className, ClassLoader loader, Path libDir)
            throws RouterLoadException {
        String what = "the system property " + PROVIDER_PROPERTY + " names " + className;
        Class<?> c;
        try {
            c = Class.forName(className, true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new RouterLoadException(what + ", which is neither on the class path nor in a jar of " + libDir
                    + " (" + e + ")", e);
        }
        if (!SipApplicationRouterProvider.class.isAssignableFrom(c)) {
            throw new RouterLoadException(what + ", which does not extend " + PROVIDER_PROPERTY, null);
        }
        try {
            return (SipApplicationRouterProvider) c.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new RouterLoadException(what + ", which cannot be created with its public no-argument constructor ("
                    + cause + ")", e);
        }
    }

    private static SipApplicationRouterProvider found(ClassLoader loader, Path libDir) throws RouterLoadException {
        List<SipApplicationRouterProvider> all = new ArrayList<>();
        try {
            for (SipApplicationRouterProvider p : ServiceLoader.load(SipApplicationRouterProvider.class, loader)) {
                all.add(p);
            }
        } catch (ServiceConfigurationError | LinkageError e) {
            throw new RouterLoadException("an application router provider listed in a META-INF/services/"
                    + PROVIDER_PROPERTY + " entry on the class path or in " + libDir + " cannot be loaded: "
                    + e.getMessage(), e);
        }
        if (all.size() > 1) {
            LOG.warn("Several application router providers found: {}; using the first. Choose one with"
                            + " -D{}=<class>", all.stream().map(p -> p.getClass().getName() + " in "
                            + where(p.getClass(), libDir)).collect(Collectors.joining(", ")), PROVIDER_PROPERTY);
        }
        return all.isEmpty() ? null : all.get(0);
    }

    private static SipApplicationRouter routerOf(SipApplicationRouterProvider provider) throws RouterLoadException {
        SipApplicationRouter router;
        try {
            router = provider.getSipApplicationRouter();
        } catch (RuntimeException | LinkageError e) {
            throw new RouterLoadException("the application router provider " + provider.getClass().getName()
                    + " failed in getSipApplicationRouter(): " + e, e);
        }
        if (router == null) {
            throw new RouterLoadException("the application router provider " + provider.getClass().getName()
                    + " gave no router", null);
        }
        return router;
    }

    private static void init(SipApplicationRouter router, Properties properties, ClassLoader loader)
            throws RouterLoadException {
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        t.setContextClassLoader(loader);
        try {
            router.init(properties);
        } catch (RuntimeException | LinkageError e) {
            throw new RouterLoadException("the application router " + router.getClass().getName()
                    + " failed in init(Properties): " + e, e);
        } finally {
            t.setContextClassLoader(previous);
        }
    }

    /** The class loader of the jars in {@code libDir} (name order), or null when there are none. */
    static URLClassLoader libraries(Path libDir, ClassLoader parent) throws RouterLoadException {
        if (!Files.isDirectory(libDir)) {
            return null;
        }
        List<URL> urls = new ArrayList<>();
        try (Stream<Path> list = Files.list(libDir)) {
            for (Path jar : list.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar")
                    && Files.isRegularFile(p)).sorted().toList()) {
                urls.add(jar.toUri().toURL());
            }
        } catch (IOException e) {
            throw new RouterLoadException("cannot read " + libDir + ": " + e, e);
        }
        if (urls.isEmpty()) {
            return null;
        }
        LOG.debug("Jars of {}: {}", libDir, urls);
        return new URLClassLoader("olelo-lib", urls.toArray(URL[]::new), parent);
    }

    /** Where a class was loaded from: a jar of {@code libDir} by its path there, else the class path. */
    static String where(Class<?> c, Path libDir) {
        CodeSource cs = c.getProtectionDomain().getCodeSource();
        if (cs == null || cs.getLocation() == null) {
            return "the class path";
        }
        try {
            Path p = Path.of(cs.getLocation().toURI()).toAbsolutePath().normalize();
            if (p.getParent() != null && p.getParent().equals(libDir.toAbsolutePath().normalize())) {
                return libDir.resolve(p.getFileName()).toString();
            }
            return "the class path (" + p + ")";
        } catch (URISyntaxException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return "the class path (" + cs.getLocation() + ")";
        }
    }

    private static void close(URLClassLoader loader) {
        if (loader != null) {
            try {
                loader.close();
            } catch (IOException e) {
                LOG.debug("Closing the class loader of the deploy/lib jars failed", e);
            }
        }
    }
}
