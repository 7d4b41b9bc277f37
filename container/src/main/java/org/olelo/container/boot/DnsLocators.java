package org.olelo.container.boot;

import java.io.IOException;
import java.util.Map;
import org.olelo.core.SipCore;
import org.olelo.core.spi.SipServerLocatorFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs the RFC 3263 locator of the class path ({@link SipServerLocatorFactory}, the
 * {@code resolver-dns} module in {@code olelo.jar}) in the core, from the {@code dns.} settings.
 * Off with {@code dns.rfc3263=false}. A server started with a resolver of its own (tests that must
 * not reach the network) gets one only when {@code dns.servers} names a server.
 *
 * <p>Threads: called once on the starting thread.
 */
final class DnsLocators {

    private static final Logger LOG = LoggerFactory.getLogger(DnsLocators.class);

    private DnsLocators() {
    }

    /**
     * @param systemResolver whether the core resolves with the operating system's resolver
     * @throws ConfigException when a {@code dns.} setting is wrong (the message names the key), as
     *                         for any other setting: the start stops with a configuration error
     */
    static void install(SipCore core, Map<String, String> settings, boolean systemResolver) throws ConfigException {
        String on = settings.getOrDefault("dns.rfc3263", "").trim();
        if (!on.isEmpty() && !on.equals("true") && !on.equals("false")) {
            throw new ConfigException("the configuration", null, 0, "dns.rfc3263", "expected true or false but found '" + on + "'");
        }
        boolean servers = !settings.getOrDefault("dns.servers", "").isBlank();
        if (on.equals("false") || (!systemResolver && !servers)) {
            return;
        }
        SipServerLocatorFactory f = SipServerLocatorFactory.installed();
        if (f == null) {
            LOG.info("no DNS locator on the class path: host names are resolved with A/AAAA only (RFC 3263 NAPTR and"
                    + " SRV are not used)");
            return;
        }
        try {
            core.useLocator(f.create(settings, core.statistics()));
        } catch (IOException e) {
            throw new ConfigException("the configuration", null, 0, null, e.getMessage());
        }
    }
}
