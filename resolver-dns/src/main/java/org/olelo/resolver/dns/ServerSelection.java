package org.olelo.resolver.dns;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.olelo.core.spi.LookupFailedException;
import org.olelo.core.spi.SipServerLocator.Query;
import org.olelo.core.spi.SipServerLocator.Target;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.NAPTRRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * The RFC 3263 §4 procedure over {@link DnsQueries}:
 * <ol>
 *   <li>a port in the URI: A/AAAA of the host, with the URI's transport (else TLS for
 *       {@code sips}, else the preferred one, else UDP);</li>
 *   <li>a {@code transport} parameter: the SRV records of that transport, else A/AAAA on
 *       5060 (5061 for TLS);</li>
 *   <li>otherwise the NAPTR records ({@code SIP+D2U}, {@code SIP+D2T}, {@code SIPS+D2T}; only
 *       {@code SIPS+D2T} for {@code sips}; only transports this server sends over) by order and
 *       preference, each followed to its SRV records; without usable NAPTR records, the SRV
 *       records of each transport; without those, A/AAAA on 5060 (5061 for TLS).</li>
 * </ol>
 * SRV targets are ordered by priority and weighted draw ({@link SrvOrder}); each target's
 * addresses follow (A before AAAA). At most {@value #MAX_TARGETS} targets are returned.
 *
 * <p>Threads: blocks the calling thread for the queries it needs (each bounded); no state of its
 * own besides the random source, safe from several threads.
 */
final class ServerSelection {

    /** Targets returned at most: what a request can reasonably be tried on within Timer C. */
    static final int MAX_TARGETS = 16;

    private final DnsQueries dns;
    private final HostsFile hosts;
    private final RandomGenerator random;

    ServerSelection(DnsQueries dns, HostsFile hosts, RandomGenerator random) {
        this.dns = dns;
        this.hosts = hosts;
        this.random = random;
    }

    List<Target> locate(Query q) throws UnknownHostException {
        Name host;
        try {
            host = Name.fromString(q.host(), Name.root);
        } catch (TextParseException e) {
            throw new UnknownHostException(q.host() + ": not a DNS name");
        }
        try {
            List<Target> out = new ArrayList<>();
            if (q.port() > 0) {
                addresses(host, explicitOrDefault(q), q.port(), out);
            } else if (q.transport() != null) {
                if (!srv(host, q.transport(), q.secure(), out)) {
                    addresses(host, q.transport(), defaultPort(q.transport()), out);
                }
            } else if (!naptr(host, q, out) && !srvPerTransport(host, q, out)) {
                String t = explicitOrDefault(q);
                addresses(host, t, defaultPort(t), out);
            }
            if (out.isEmpty()) {
                throw new UnknownHostException(q.host() + ": no SIP server found (NAPTR, SRV, A, AAAA)");
            }
            return out.size() > MAX_TARGETS ? List.copyOf(out.subList(0, MAX_TARGETS)) : List.copyOf(out);
        } catch (IOException e) {
            if (e instanceof UnknownHostException u) {
                throw u;
            }
            throw new LookupFailedException(e.getMessage());
        }
    }

    /** NAPTR step; false when the host has no usable NAPTR record (RFC 3263 §4.1). */
    private boolean naptr(Name host, Query q, List<Target> out) throws IOException {
        List<NAPTRRecord> usable = new ArrayList<>();
        for (Record r : dns.query(host, Type.NAPTR)) {
            NAPTRRecord n = (NAPTRRecord) r;
            String t = transportOf(n.getService());
            if (t != null && n.getFlags().equalsIgnoreCase("s") && (!q.secure() || t.equals("TLS"))
                    && q.transports().contains(t)) {
                usable.add(n);
            }
        }
        if (usable.isEmpty()) {
            return false;
        }
        usable.sort(Comparator.comparingInt(NAPTRRecord::getOrder).thenComparingInt(NAPTRRecord::getPreference));
        for (NAPTRRecord n : usable) {
            srvAt(n.getReplacement(), transportOf(n.getService()), out);
        }
        return true;
    }

    /** SRV step without NAPTR: each transport this server has, the preferred one first (§4.1). */
    private boolean srvPerTransport(Name host, Query q, List<Target> out) throws IOException {
        Set<String> order = new LinkedHashSet<>();
        if (q.preferred() != null && !q.secure()) {
            order.add(q.preferred());
        }
        order.addAll(q.secure() ? List.of("TLS") : List.of("UDP", "TCP", "TLS"));
        boolean any = false;
        for (String t : order) {
            if (q.transports().contains(t)) {
                any |= srv(host, t, q.secure(), out);
            }
        }
        return any;
    }

    /** SRV records of one transport at {@code _sip._udp.host} and the like; false when there are none. */
    private boolean srv(Name host, String transport, boolean secure, List<Target> out) throws IOException {
        String prefix = switch (transport) {
            case "UDP" -> "_sip._udp";
            case "TCP" -> secure ? "_sips._tcp" : "_sip._tcp";
            case "TLS" -> "_sips._tcp";
            default -> null;
        };
        if (prefix == null) {
            return false;
        }
        return srvAt(Name.fromString(prefix, host), transport, out);
    }

    private boolean srvAt(Name name, String transport, List<Target> out) throws IOException {
        List<SRVRecord> records = new ArrayList<>();
        for (Record r : dns.query(name, Type.SRV)) {
            records.add((SRVRecord) r);
        }
        if (records.isEmpty()) {
            return false;
        }
        for (SRVRecord s : SrvOrder.order(records, random)) {
            if (out.size() >= MAX_TARGETS) {
                break;
            }
            try {
                addresses(s.getTarget(), transport, s.getPort(), out);
            } catch (IOException e) {
                // an SRV target that does not resolve is skipped: the next one is the failover
            }
        }
        return true;
    }

    /** The A, then AAAA, addresses of a host (the hosts file first), as targets. */
    private void addresses(Name host, String transport, int port, List<Target> out) throws IOException {
        InetAddress fromFile = hosts.lookup(host);
        if (fromFile != null) {
            out.add(new Target(transport, fromFile, port));
            return;
        }
        for (Record r : dns.query(host, Type.A)) {
            out.add(new Target(transport, ((ARecord) r).getAddress(), port));
        }
        for (Record r : dns.query(host, Type.AAAA)) {
            out.add(new Target(transport, ((AAAARecord) r).getAddress(), port));
        }
    }

    private static String explicitOrDefault(Query q) {
        if (q.transport() != null) {
            return q.transport();
        }
        if (q.secure()) {
            return "TLS";
        }
        return q.preferred() != null && q.transports().contains(q.preferred()) ? q.preferred() : "UDP";
    }

    private static int defaultPort(String transport) {
        return transport.equals("TLS") ? 5061 : 5060;
    }

    /** The transport of a NAPTR service field, or null for one this locator does not use. */
    static String transportOf(String service) {
        return switch (service.toUpperCase(Locale.ROOT)) {
            case "SIP+D2U" -> "UDP";
            case "SIP+D2T" -> "TCP";
            case "SIPS+D2T" -> "TLS";
            default -> null;
        };
    }
}
