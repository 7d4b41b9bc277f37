package org.olelo.container.internal.naming;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.naming.spi.NamingManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code java:comp/env} names of every deployed application, keyed by its class loader, and
 * the one place that installs Olelo's JNDI provider in the JVM.
 *
 * <p>{@link #bind} and {@link #unbind} run on the deployer thread; {@link #current} runs on
 * whichever thread application code looks a name up, and walks the context class loader's
 * parents (an application may run code under a class loader of its own). Lock-free reads.
 */
public final class AppNamespaces {

    private static final Logger LOG = LoggerFactory.getLogger(AppNamespaces.class);
    private static final Map<ClassLoader, Map<String, Object>> BY_LOADER = new ConcurrentHashMap<>();
    private static volatile boolean installed;

    private AppNamespaces() {
    }

    /**
     * Gives an application its names; installs the JNDI provider first if needed.
     *
     * @param appLoader the application's class loader
     * @param names     objects by their name under {@code java:comp/env}, e.g. {@code jdbc/default}
     */
    public static void bind(ClassLoader appLoader, Map<String, Object> names) {
        install();
        BY_LOADER.put(appLoader, Map.copyOf(names));
    }

    /** @param appLoader an application's class loader, whose names are removed */
    public static void unbind(ClassLoader appLoader) {
        BY_LOADER.remove(appLoader);
    }

    /**
     * @return the names of the application the calling thread runs (by its context class loader),
     *         or null when it runs none
     */
    static Map<String, Object> current() {
        for (ClassLoader l = Thread.currentThread().getContextClassLoader(); l != null; l = l.getParent()) {
            Map<String, Object> names = BY_LOADER.get(l);
            if (names != null) {
                return names;
            }
        }
        return null;
    }

    /** Installs the JVM-wide JNDI provider, once; another one already there is left alone. */
    static synchronized void install() {
        if (installed) {
            return;
        }
        installed = true;
        try {
            if (!NamingManager.hasInitialContextFactoryBuilder()) {
                NamingManager.setInitialContextFactoryBuilder(new ContainerNamingBuilder());
                return;
            }
        } catch (javax.naming.NamingException | IllegalStateException | SecurityException e) {
            LOG.debug("JNDI provider not installed", e);
        }
        LOG.warn("Another JNDI provider is installed in this JVM: applications cannot look up their"
                + " java:comp/env names (SipFactory, TimerService, SipSessionsUtil, jdbc/default)");
    }
}
