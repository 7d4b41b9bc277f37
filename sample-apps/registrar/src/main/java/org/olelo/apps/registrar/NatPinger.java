package org.olelo.apps.registrar;

import jakarta.servlet.sip.SipApplicationSession;
import jakarta.servlet.sip.SipFactory;
import jakarta.servlet.sip.SipServletRequest;
import jakarta.servlet.sip.SipServletResponse;
import org.olelo.apps.registrar.service.Target;
import org.olelo.apps.registrar.spi.Binding;
import org.olelo.apps.registrar.spi.StoreException;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * NAT keep-alive pings from the registrar (Kamailio's {@code nathelper} with {@code natping_interval}
 * and usrloc): every {@code nat.ping.seconds}, an OPTIONS to each binding that is reached through
 * the address its REGISTER came from (behind NAT, or an outbound flow), along that same way, so that
 * the NAT keeps the binding's mapping open. With {@code nat.ping.remove=true}, a binding whose ping
 * fails (408: no answer in time; 503: it could not be sent, e.g. its connection is gone; or nothing
 * within {@value #FORGET_SECONDS} s) is removed, unless it was registered again meanwhile; any other
 * answer of the user agent, even an error, shows it is there.
 *
 * <p>Threads: one daemon thread of the application sends a round (reads the store, never waits
 * for answers); {@link #answered} runs on the application's executor. The pings waiting for an
 * answer are a map by Call-ID, each entry gone on its answer or after {@value #FORGET_SECONDS} s,
 * so at most one round's worth is held.
 */
final class NatPinger implements AutoCloseable {

    /** The ServletContext attribute under which the listener publishes the pinger. */
    static final String ATTRIBUTE = "org.olelo.apps.registrar.natping";
    /** The name of the servlet that receives the answers (sip.xml). */
    static final String HANDLER = "natping";
    static final int FORGET_SECONDS = 45;

    /** A ping waiting for its answer. */
    private record Pending(String aor, String contact, long sentAt) {
    }

    private final SipFactory factory;
    private final RegistrarRuntime runtime;
    private final boolean remove;
    private final BiConsumer<String, Throwable> errors;
    private final java.util.function.Consumer<String> info;
    private final ConcurrentHashMap<String, Pending> waiting = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;

    private NatPinger(SipFactory factory, RegistrarRuntime runtime, int seconds, boolean remove,
                      BiConsumer<String, Throwable> errors, java.util.function.Consumer<String> info) {
        this.info = info;
        this.factory = factory;
        this.runtime = runtime;
        this.remove = remove;
        this.errors = errors;
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                .name("registrar-natping").factory());
        timer.scheduleWithFixedDelay(this::round, seconds, seconds, TimeUnit.SECONDS);
    }

    /**
     * @param seconds interval between rounds; 0 starts nothing
     * @return the running pinger, or null when {@code seconds} is 0
     */
    static NatPinger start(SipFactory factory, RegistrarRuntime runtime, int seconds, boolean remove,
                           BiConsumer<String, Throwable> errors, java.util.function.Consumer<String> info) {
        return seconds <= 0 ? null : new NatPinger(factory, runtime, seconds, remove, errors, info);
    }

    /** One round: a ping to each binding reached through its REGISTER's source. */
    void round() {
        long now = System.currentTimeMillis();
        waiting.values().removeIf(p -> {
            boolean stale = now - p.sentAt() > TimeUnit.SECONDS.toMillis(FORGET_SECONDS);
            if (stale) {
                failed(p);
            }
            return stale;
        });
        Map<String, List<Binding>> all;
        try {
            all = runtime.store().loadAll();
        } catch (StoreException | RuntimeException e) {
            errors.accept("registrar: NAT pings skipped this round, the store failed: " + e.getMessage(), e);
            return;
        }
        for (List<Binding> bindings : all.values()) {
            for (Binding b : bindings) {
                if (!b.expired(now)) {
                    runtime.location().natTarget(b).ifPresent(t -> ping(b, t, now));
                }
            }
        }
    }

    private void ping(Binding b, Target t, long now) {
        try {
            SipApplicationSession as = factory.createApplicationSession();
            String self = "sip:registrar@" + b.aor().substring(b.aor().indexOf('@') + 1);
            SipServletRequest req = factory.createRequest(as, "OPTIONS", self, t.uri());
            req.setRequestURI(factory.createURI(t.uri()));
            for (int i = t.routes().size() - 1; i >= 0; i--) {
                req.pushRoute(factory.createAddress(t.routes().get(i)));
            }
            req.setHeader("Max-Forwards", "1");
            req.getSession().setHandler(HANDLER);
            waiting.put(req.getCallId(), new Pending(b.aor(), b.contact(), now));
            req.send();
        } catch (Exception e) {
            errors.accept("registrar: NAT ping to " + t.uri() + " could not be sent: " + e.getMessage(), e);
        }
    }

    /** The final answer to a ping: 408 and 503 (no answer, or no way to send) count as failures. */
    void answered(SipServletResponse resp) {
        if (resp.getStatus() < 200 || !resp.getMethod().equals("OPTIONS")) {
            return;
        }
        Pending p = waiting.remove(resp.getCallId());
        if (p != null && (resp.getStatus() == 408 || resp.getStatus() == 503)) {
            failed(p);
        }
    }

    private void failed(Pending p) {
        if (!remove) {
            return;
        }
        try {
            if (runtime.registrar().removeContact(p.aor(), p.contact(), p.sentAt(), System.currentTimeMillis())) {
                info.accept("registrar: " + p.contact() + " of " + p.aor() + " removed: it did not answer a NAT ping");
            }
        } catch (StoreException e) {
            errors.accept("registrar: removing " + p.contact() + " after a failed NAT ping failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        waiting.clear();
    }
}
