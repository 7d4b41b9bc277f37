package org.olelo.core.spi;

import java.io.IOException;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.olelo.core.stats.CoreStatistics;

/**
 * Makes the {@link SipServerLocator} of a plug-in. The server finds it with
 * {@link java.util.ServiceLoader}: a jar on the class path whose
 * {@code META-INF/services/org.olelo.core.spi.SipServerLocatorFactory} names an implementation
 * (with a public no-argument constructor) replaces the A/AAAA-only {@link Resolver} path for
 * names with RFC 3263 location. At most one is used.
 *
 * <p>Threads: {@link #create} is called once, on the thread that starts the server.
 */
public interface SipServerLocatorFactory {

    /**
     * Makes the locator.
     *
     * @param settings   the raw settings of the {@code dns.} keys (and the other extension keys),
     *                   as written in the configuration; the factory parses and checks its own
     * @param statistics where the locator counts its look-ups, cache hits and failures
     *                   ({@link CoreStatistics.Event#DNS_LOOKUP} and the like)
     * @throws IOException when a setting is wrong (the message names the key) or no DNS server
     *                     is known
     */
    SipServerLocator create(Map<String, String> settings, CoreStatistics statistics) throws IOException;

    /**
     * The factory installed on the class path, or null when there is none.
     *
     * @throws IllegalStateException when the installed factory cannot be loaded
     */
    static SipServerLocatorFactory installed() {
        try {
            for (SipServerLocatorFactory f : ServiceLoader.load(SipServerLocatorFactory.class,
                    SipServerLocatorFactory.class.getClassLoader())) {
                return f;
            }
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("the DNS locator plug-in cannot be loaded: " + e.getMessage(), e);
        }
        return null;
    }
}
