package org.olelo.resolver.dns;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.olelo.core.spi.SipServerLocator;
import org.olelo.core.spi.SipServerLocatorFactory;
import org.olelo.core.stats.CoreStatistics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.ResolverConfig;

/**
 * Makes the dnsjava {@link DnsLocator} from the {@code dns.} settings ({@link DnsSettings}): the
 * servers of {@code dns.servers}, else those of the operating system (then the hosts file is
 * asked first too, as the system resolver would).
 *
 * <p>Threads: called once on the starting thread.
 */
public final class DnsLocatorFactory implements SipServerLocatorFactory {

    private static final Logger LOG = LoggerFactory.getLogger(DnsLocatorFactory.class);

    /** Public for {@link java.util.ServiceLoader}. */
    public DnsLocatorFactory() {
    }

    @Override
    public SipServerLocator create(Map<String, String> raw, CoreStatistics statistics) throws IOException {
        DnsSettings s = DnsSettings.parse(raw);
        List<InetSocketAddress> servers = s.servers();
        HostsFile hosts = HostsFile.none();
        if (servers.isEmpty()) {
            servers = ResolverConfig.getCurrentConfig().servers();
            hosts = HostsFile.system();
            if (servers.isEmpty()) {
                throw new IOException("dns.servers: none given and the operating system names no DNS server");
            }
        }
        LOG.info("SIP servers of host names are located with NAPTR, SRV and A/AAAA records (RFC 3263) through the DNS"
                + " servers {} ({}), {} ms per query and server, {} retries", servers.stream().map(a -> a.getAddress()
                .getHostAddress() + ":" + a.getPort()).toList(), s.servers().isEmpty() ? "of the operating system, after the"
                + " hosts file" : "dns.servers", s.timeoutMillis(), s.retries());
        DnsQueries q = new DnsQueries(s, servers, statistics, System::nanoTime);
        return new DnsLocator(s, q, new ServerSelection(q, hosts, RandomGenerator.getDefault()));
    }
}
