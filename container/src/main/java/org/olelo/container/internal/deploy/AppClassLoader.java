package org.olelo.container.internal.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;

/**
 * The class loader of one application: {@code WEB-INF/classes/} then the jars of
 * {@code WEB-INF/lib/} (in name order).
 *
 * <p>Delegation:
 * <ul>
 * <li>{@code java.*}: the JDK only;</li>
 * <li>{@code javax.*}: the JDK first, then the application (so an application may
 *     bring e.g. {@code javax.inject} but cannot replace JDK packages);</li>
 * <li>{@code jakarta.*}, {@code org.slf4j.*}, Olelo's extension API {@code org.olelo.api.*}
 *     and the few Weld packages that the
 *     proxies Weld generates inside the application refer to: the container first,
 *     so that API types are shared, then the application;</li>
 * <li>anything else: the application first, then the JDK, never the container:
 *     Olelo's own classes, Weld's implementation, JAIN-SIP and logback stay out of
 *     sight ({@link ClassNotFoundException}).</li>
 * </ul>
 * Resources follow the same rules. Parallel-capable; any thread.
 */
public final class AppClassLoader extends URLClassLoader {

    static {
        ClassLoader.registerAsParallelCapable();
    }

    /**
     * Name prefixes loaded from the container first. The Weld entries are the
     * runtime types that client proxies and intercepted subclasses, defined by Weld
     * in the application's packages, implement or call.
     */
    private static final List<String> CONTAINER_FIRST = List.of(
            "jakarta.", "org.slf4j.", "org.olelo.api.",
            "org.jboss.weld.bean.proxy.", "org.jboss.weld.proxy.", "org.jboss.weld.interceptor.proxy.",
            "org.jboss.weld.interceptor.util.proxy.", "org.jboss.weld.serialization.spi.");

    private final String appName;
    private final ClassLoader container;
    private final ClassLoader jdk = ClassLoader.getPlatformClassLoader();

    /**
     * @param appName   the application's name (for diagnostics)
     * @param root      the application's root folder, holding {@code WEB-INF/}
     * @param container the container's class loader, which provides the shared APIs
     */
    public AppClassLoader(String appName, Path root, ClassLoader container) {
        super("app:" + appName, urls(root), container);
        this.appName = appName;
        this.container = container;
    }

    private static URL[] urls(Path root) {
        List<URL> urls = new ArrayList<>();
        try {
            Path classes = root.resolve("WEB-INF/classes");
            if (Files.isDirectory(classes)) {
                urls.add(classes.toUri().toURL());
            }
            Path lib = root.resolve("WEB-INF/lib");
            if (Files.isDirectory(lib)) {
                try (Stream<Path> jars = Files.list(lib)) {
                    for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                        urls.add(jar.toUri().toURL());
                    }
                }
            }
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return urls.toArray(URL[]::new);
    }

    private static boolean containerFirst(String className) {
        for (String prefix : CONTAINER_FIRST) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                c = delegate(name);
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    private Class<?> delegate(String name) throws ClassNotFoundException {
        if (name.startsWith("java.")) {
            return jdk.loadClass(name);
        }
        if (name.startsWith("javax.")) {
            return firstOf(name, jdk, null);
        }
        if (containerFirst(name)) {
            return firstOf(name, container, null);
        }
        return firstOf(name, null, jdk);
    }

    /** Tries {@code before}, then this loader's own URLs, then {@code after}. */
    private Class<?> firstOf(String name, ClassLoader before, ClassLoader after) throws ClassNotFoundException {
        if (before != null) {
            try {
                return before.loadClass(name);
            } catch (ClassNotFoundException ignored) {
                // fall through to the application's own classes
            }
        }
        try {
            return findClass(name);
        } catch (ClassNotFoundException e) {
            if (after != null) {
                try {
                    return after.loadClass(name);
                } catch (ClassNotFoundException ignored) {
                    // reported below with the application's name
                }
            }
            throw new ClassNotFoundException(name + " (not visible to application '" + appName + "')");
        }
    }

    private ClassLoader sharedFor(String resource) {
        String asClass = resource.replace('/', '.');
        return asClass.startsWith("java.") || asClass.startsWith("javax.") || !containerFirst(asClass) ? jdk : container;
    }

    @Override
    public URL getResource(String name) {
        URL own = findResource(name);
        return own != null ? own : sharedFor(name).getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        List<URL> all = new ArrayList<>(Collections.list(findResources(name)));
        all.addAll(Collections.list(sharedFor(name).getResources(name)));
        return Collections.enumeration(all);
    }

    @Override
    public String toString() {
        return "AppClassLoader[" + appName + "]";
    }
}
