package org.olelo.resolver.dns;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import org.olelo.core.stats.CoreStatistics;
import org.olelo.core.testkit.Dnsmasq;

/** A dnsmasq with the zone of these tests, and a locator on it whose clock the test moves. */
final class DnsTestServer implements AutoCloseable {

    /** The records every test here may ask for; TTL 2 s. */
    static final List<String> ZONE = List.of(
            "local=/example.test/",
            "local=/e164.arpa/",
            "local-ttl=2",
            // example.test: NAPTR to UDP (order 10) and TCP (order 20); UDP SRV: two servers by priority
            "naptr-record=example.test,10,50,\"s\",\"SIP+D2U\",\"\",_sip._udp.example.test",
            "naptr-record=example.test,20,50,\"s\",\"SIP+D2T\",\"\",_sip._tcp.example.test",
            "naptr-record=example.test,30,50,\"s\",\"SIPS+D2T\",\"\",_sips._tcp.example.test",
            "srv-host=_sip._udp.example.test,uas1.example.test,5071,10,0",
            "srv-host=_sip._udp.example.test,uas2.example.test,5072,20,0",
            "srv-host=_sip._tcp.example.test,uas1.example.test,5081,10,0",
            "srv-host=_sips._tcp.example.test,uas2.example.test,5091,10,0",
            "host-record=uas1.example.test,127.0.0.1",
            "host-record=uas2.example.test,127.0.0.2",
            // srv-only.test: no NAPTR, SRV for TCP only
            "local=/srv-only.test/",
            "srv-host=_sip._tcp.srv-only.test,uas1.example.test,5082,10,0",
            // a-only.test: an address and nothing else
            "local=/a-only.test/",
            "host-record=a-only.test,127.0.0.3",
            // ENUM (a backslash is written twice in dnsmasq's quoted strings): +1 555 1234 -> info@example.test; +1 555 9876 -> the number kept as the user
            "naptr-record=4.3.2.1.5.5.5.1.e164.arpa,100,10,\"u\",\"E2U+sip\",\"!^.*$!sip:info@example.test!\",.",
            "naptr-record=4.3.2.1.5.5.5.1.e164.arpa,100,20,\"u\",\"E2U+mailto\",\"!^.*$!mailto:info@example.test!\",.",
            "naptr-record=6.7.8.9.5.5.5.1.e164.arpa,100,10,\"u\",\"E2U+sip\",\"!^\\\\+1(.*)$!sip:\\\\1@example.test!\",.");

    final Dnsmasq dnsmasq;
    final AtomicLong clock = new AtomicLong(System.nanoTime());
    final CoreStatistics statistics = new CoreStatistics();
    final DnsSettings settings;
    final DnsQueries queries;
    final DnsLocator locator;

    DnsTestServer(Path dir, List<String> extra) throws Exception {
        List<String> lines = new ArrayList<>(ZONE);
        lines.addAll(extra);
        dnsmasq = Dnsmasq.start(dir, lines);
        settings = DnsSettings.parse(Map.of("dns.servers", dnsmasq.server(), "dns.timeout.ms", "500"));
        queries = new DnsQueries(settings, settings.servers(), statistics, clock::get);
        locator = new DnsLocator(settings, queries, new ServerSelection(queries, HostsFile.none(), RandomGenerator.getDefault()));
    }

    long count(CoreStatistics.Event e) {
        return statistics.get(e);
    }

    @Override
    public void close() throws Exception {
        dnsmasq.close();
    }
}
