package org.olelo.resolver.dns;

import java.io.IOException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.olelo.core.spi.SipServerLocator;
import org.xbill.DNS.NAPTRRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * The {@link SipServerLocator} on dnsjava: RFC 3263 through {@link ServerSelection}, ENUM through
 * {@link EnumRewrite}, all questions through one {@link DnsQueries} and its cache.
 *
 * <p>Threads: every method blocks the caller for its queries, each bounded by the timeouts and
 * retries of {@link DnsSettings}; safe from several threads at once.
 */
final class DnsLocator implements SipServerLocator {

    private final DnsSettings settings;
    private final DnsQueries dns;
    private final ServerSelection selection;

    DnsLocator(DnsSettings settings, DnsQueries dns, ServerSelection selection) {
        this.settings = settings;
        this.dns = dns;
        this.selection = selection;
    }

    @Override
    public List<Target> locate(Query query) throws UnknownHostException {
        return selection.locate(query);
    }

    @Override
    public String enumDomain(String number) {
        return EnumRewrite.domain(number, settings.enumSuffix());
    }

    @Override
    public List<String> enumUris(String number) throws IOException {
        List<NAPTRRecord> naptr = new ArrayList<>();
        for (Record r : dns.query(name(enumDomain(number)), Type.NAPTR)) {
            naptr.add((NAPTRRecord) r);
        }
        return EnumRewrite.uris(number, naptr);
    }

    @Override
    public List<String> records(String name, String type) throws IOException {
        int t = Type.value(type);
        if (t < 0) {
            throw new IOException("unknown DNS record type " + type);
        }
        List<String> out = new ArrayList<>();
        for (Record r : dns.query(name(name), t)) {
            out.add(r.rdataToString());
        }
        return out;
    }

    private static Name name(String s) throws IOException {
        try {
            return Name.fromString(s, Name.root);
        } catch (TextParseException e) {
            throw new IOException(s + ": not a DNS name");
        }
    }

    @Override
    public void close() {
        // dnsjava's I/O threads are shared daemons: nothing of ours to release
    }
}
