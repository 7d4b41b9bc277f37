package org.olelo.container.internal.runtime;

import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.olelo.api.stats.Counter;
import org.olelo.container.internal.session.SessionManager;
import org.olelo.container.internal.stats.CoreMeters;
import org.olelo.container.internal.stats.StatisticsRegistry;
import org.olelo.core.SipCore;
import org.olelo.core.transaction.TransactionTimers;

/**
 * The container-wide services that messages, proxies and sessions share: the SIP core, the
 * session table, the virtual-thread carrier for application code, a timer thread for container
 * timers (Timer C, session expiry, servlet timers), the local domains, and the statistics of the
 * server ({@link #statistics()}, with the core's counters registered).
 */
public final class ContainerRuntime implements AutoCloseable {

    private final SipCore core;
    private volatile org.olelo.container.internal.nat.ContactFix contactFix =
            org.olelo.container.internal.nat.ContactFix.OFF;
    private final ExecutorService virtualThreads = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("sip-app-", 0).factory());
    private final TransactionTimers timers = new TransactionTimers();
    private final SessionManager sessions;
    private final Set<String> localDomains;
    private final java.util.concurrent.atomic.AtomicInteger waiting = new java.util.concurrent.atomic.AtomicInteger();
    private volatile int maxWaiting = 10_000;
    private final StatisticsRegistry statistics = new StatisticsRegistry();
    private final Counter overloaded;

    public ContainerRuntime(SipCore core, Set<String> localDomains) {
        this.core = core;
        CoreMeters.register(statistics.owner("core"), core);
        this.overloaded = statistics.container().counter("sip", "overload_rejections",
                "initial requests answered 503 because too many wait for their application");
        this.sessions = new SessionManager(timers, virtualThreads);
        this.sessions.setCore(core);
        this.localDomains = Set.copyOf(localDomains.stream().map(String::toLowerCase).toList());
    }

    /** The SIP core. */
    public SipCore core() {
        return core;
    }

    /** How proxies fix the Contact of user agents behind NAT ({@code nat.fix.contact}). */
    public org.olelo.container.internal.nat.ContactFix contactFix() {
        return contactFix;
    }

    /** Sets {@link #contactFix()}; at start, before messages flow. */
    public void setContactFix(org.olelo.container.internal.nat.ContactFix fix) {
        this.contactFix = java.util.Objects.requireNonNull(fix, "fix");
    }

    /** The session table. */
    public SessionManager sessions() {
        return sessions;
    }

    /** The statistics of this server: the core's, the container's ({@code container()}) and the applications'. */
    public StatisticsRegistry statistics() {
        return statistics;
    }

    /** The timer thread for container timers. */
    public TransactionTimers timers() {
        return timers;
    }

    /** Carrier executor: one virtual thread per task. */
    public ExecutorService virtualThreads() {
        return virtualThreads;
    }

    /**
     * Admission control for initial requests: true, and counted, while fewer than the limit wait
     * for their application; false means the server is overloaded and the request gets 503.
     */
    public boolean tryAdmit() {
        if (waiting.incrementAndGet() > maxWaiting) {
            waiting.decrementAndGet();
            overloaded.increment();
            return false;
        }
        return true;
    }

    /** An admitted initial request left the queue (its application runs, or none takes it). */
    public void admitted() {
        waiting.decrementAndGet();
    }

    /** How many initial requests may wait for their application before new ones get 503 (default 10,000). */
    public void setMaxWaiting(int max) {
        this.maxWaiting = max;
    }

    /** The configured local domains (lower case). */
    public Set<String> localDomains() {
        return localDomains;
    }

    /** True if the host is one of our domains or addresses. */
    public boolean isLocalDomain(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase();
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return localDomains.contains(h) || core.localAddresses().isLocalHost(h);
    }

    /**
     * Whether a URI's host and port address this server's domains: as {@link #isLocalDomain}, except
     * that an explicit port none of our listening points has names another server (a gateway or a
     * phone beside us on this host, RFC 3261 §16.4), not our domain.
     */
    public boolean isLocalTarget(String host, int port) {
        if (!isLocalDomain(host)) {
            return false;
        }
        if (port <= 0) {
            return true;
        }
        for (org.olelo.core.transport.Transport t : core.transports()) {
            if (t.advertisedPort() == port || t.localAddress().getPort() == port) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        timers.close();
        virtualThreads.shutdownNow();
        statistics.close();
    }
}
