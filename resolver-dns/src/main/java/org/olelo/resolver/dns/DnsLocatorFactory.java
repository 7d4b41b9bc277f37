package org.olelo.resolver.dns;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.olelo.core.spi.SipServerLocator;
import org.olelo.core.spi.SipServerLocatorFactory;
import org.olelo.core.stats.CoreStatistics;
import org.xbill.DNS.ResolverConfig;

/**
 * Makes the dnsjava {@link DnsLocator} from the {@code dns.} settings ({@link DnsSettings}): the
 * servers of {@code dns.servers}, else those of the operating system (then the hosts file is
 * asked first too, as the system resolver would).
 *
 * <p>Threads: called once on the starting thread.
 */
public final class DnsLocatorFactory implements SipServerLocatorFactory {

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
        DnsQueries q = new DnsQueries(s, servers, statistics, System::nanoTime);
        return new DnsLocator(s, q, new ServerSelection(q, hosts, RandomGenerator.getDefault()));
    }
}
