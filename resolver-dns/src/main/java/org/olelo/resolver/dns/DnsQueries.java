package org.olelo.resolver.dns;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import org.olelo.core.stats.CoreStatistics;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * One DNS question at a time, answered from the {@link RecordCache} or from the configured
 * servers: an answer is kept for the smallest TTL of its records; "no such name" and "no such
 * record" for the SOA's negative TTL, at most {@code dns.negative.ttl.seconds}; a failure
 * (timeout, server failure) for {@value DnsSettings#FAILURE_TTL_SECONDS} s, so that a server that
 * does not answer costs one wait per name in that time, not one per request.
 *
 * <p>Threads: {@link #query} blocks the calling thread for at most
 * {@link DnsSettings#queryBudgetMillis} (all servers, all retries); safe from several threads at
 * once. Never call it on a transport reader thread.
 */
final class DnsQueries {

    private final Resolver dns;
    private final DnsSettings settings;
    private final long budgetMillis;
    private final CoreStatistics statistics;
    private final LongSupplier clock;
    private final RecordCache cache;

    DnsQueries(DnsSettings settings, List<InetSocketAddress> servers, CoreStatistics statistics, LongSupplier clock) {
        List<Resolver> each = new ArrayList<>();
        for (InetSocketAddress a : servers) {
            SimpleResolver r = new SimpleResolver(a);
            r.setTimeout(Duration.ofMillis(settings.timeoutMillis()));
            each.add(r);
        }
        ExtendedResolver er = new ExtendedResolver(each);
        er.setRetries(settings.retries());
        er.setLoadBalance(false);
        this.budgetMillis = settings.queryBudgetMillis(servers.size());
        er.setTimeout(Duration.ofMillis(budgetMillis));
        this.dns = er;
        this.settings = settings;
        this.statistics = statistics;
        this.clock = clock;
        this.cache = new RecordCache(settings.cacheEntries());
    }

    /**
     * The records of a type at a name (the answer section's records of that type); empty when the
     * name or the record does not exist.
     *
     * @throws IOException when no server answered in time or the answer was a failure
     */
    List<Record> query(Name name, int type) throws IOException {
        String q = RecordCache.question(name.toString(), type);
        long now = clock.getAsLong();
        RecordCache.Entry e = cache.get(q, now);
        if (e != null) {
            statistics.count(CoreStatistics.Event.DNS_CACHE_HIT);
            if (e.failure() != null) {
                throw new IOException(e.failure());
            }
            return e.records();
        }
        statistics.count(CoreStatistics.Event.DNS_LOOKUP);
        Message answer;
        try {
            answer = dns.sendAsync(Message.newQuery(Record.newRecord(name, type, DClass.IN))).toCompletableFuture()
                    .get(budgetMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new IOException("DNS look-up of " + name + " " + Type.string(type) + " interrupted");
        } catch (ExecutionException | TimeoutException ex) {
            throw failed(q, name + " " + Type.string(type) + ": no DNS server answered in time");
        }
        int rcode = answer.getRcode();
        if (rcode == Rcode.NXDOMAIN || rcode == Rcode.NOERROR) {
            List<Record> found = new ArrayList<>();
            long ttl = Long.MAX_VALUE;
            for (Record r : answer.getSection(Section.ANSWER)) {
                if (r.getType() == type) {
                    found.add(r);
                    ttl = Math.min(ttl, r.getTTL());
                }
            }
            if (found.isEmpty()) {
                ttl = negativeTtl(answer);
            }
            List<Record> kept = List.copyOf(found);
            if (ttl > 0) {
                cache.put(new RecordCache.Entry(q, kept, null, clock.getAsLong() + TimeUnit.SECONDS.toNanos(ttl)));
            }
            return kept;
        }
        throw failed(q, name + " " + Type.string(type) + ": the DNS server answered " + Rcode.string(rcode));
    }

    private IOException failed(String q, String why) {
        statistics.count(CoreStatistics.Event.DNS_FAILURE);
        cache.put(new RecordCache.Entry(q, null, why,
                clock.getAsLong() + TimeUnit.SECONDS.toNanos(DnsSettings.FAILURE_TTL_SECONDS)));
        return new IOException(why);
    }

    /** RFC 2308: the smaller of the SOA's TTL and its minimum field, capped by the setting. */
    private long negativeTtl(Message answer) {
        long ttl = settings.negativeTtlSeconds();
        for (Record r : answer.getSection(Section.AUTHORITY)) {
            if (r instanceof SOARecord soa) {
                ttl = Math.min(ttl, Math.min(soa.getTTL(), soa.getMinimum()));
            }
        }
        return ttl;
    }
}
