package org.olelo.apps.dispatcher;

import jakarta.servlet.sip.ServletTimer;
import jakarta.servlet.sip.SipApplicationSession;
import jakarta.servlet.sip.SipFactory;
import jakarta.servlet.sip.SipServletRequest;
import jakarta.servlet.sip.TimerService;
import java.io.IOException;
import java.io.Serializable;
import java.util.function.Consumer;

/**
 * Health probing: every interval, each destination gets a request (OPTIONS by default) from an
 * application session of its own; any final answer other than 408 keeps it active or makes it
 * active again; a probe still unanswered when the next one is due counts as missed, and
 * {@code threshold} misses in a row make an active destination inactive. So a destination that
 * stops answering is inactive after at most {@code interval x threshold + interval} seconds, and
 * one that answers again is active one round trip after the next probe.
 *
 * <p>Runs on the probing application session's queue: the repeating {@link ServletTimer} (through
 * {@link ProbeTimer}) and the probe responses (through the servlet) arrive there one at a time,
 * so the probe counters need no lock. Sending does not block. A destination an operator set
 * inactive is probed but stays inactive.
 */
final class Prober implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The SipSession attribute that ties a probe's response to its destination. */
    static final String PROBE = "org.olelo.apps.dispatcher.probe";

    /** What a probe's session remembers: the destination and the probe's sequence number. */
    record Probe(LiveDestination destination, long seq) {
    }

    private final transient Dispatcher dispatcher;
    private final transient SipFactory factory;
    private final transient Consumer<String> log;
    private transient SipApplicationSession session;
    private transient ServletTimer timer;
    private transient long seq;
    private transient boolean stopped;

    Prober(Dispatcher dispatcher, SipFactory factory, Consumer<String> log) {
        this.dispatcher = dispatcher;
        this.factory = factory;
        this.log = log;
    }

    /**
     * Starts the repeating timer; the first probes go out one interval after it. The container
     * creates application sessions only once the application is deployed, which is after the
     * listener that calls this returns: a short-lived virtual thread waits for that (polling
     * every 50 ms, for at most a minute) and then creates the session and the timer.
     */
    void start(TimerService timers) {
        Thread.ofVirtual().name("dispatcher-probing-start").start(() -> {
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (true) {
                try {
                    if (startTimer(timers)) {
                        return;
                    }
                } catch (IllegalStateException e) {
                    if (System.nanoTime() > deadline) {
                        log.accept("dispatcher: probing could not start: " + e.getMessage());
                        return;
                    }
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    /** @return true when the timer runs or probing was stopped meanwhile; throws while not deployed */
    private synchronized boolean startTimer(TimerService timers) {
        if (stopped) {
            return true;
        }
        long millis = dispatcher.config().probeInterval() * 1000L;
        session = factory.createApplicationSession();
        session.setExpires(0); // never expires: it lives as long as the application
        timer = timers.createTimer(session, millis, millis, true, false, this);
        return true;
    }

    /** Stops probing (undeployment). */
    synchronized void stop() {
        stopped = true;
        if (timer != null) {
            timer.cancel();
        }
        if (session != null && session.isValid()) {
            session.invalidate();
        }
    }

    /** One probing round: counts the unanswered probes of the last round, sends the next ones. */
    void tick() {
        seq++;
        for (LiveDestination d : dispatcher.all()) {
            if (d.probeSent > d.probeAnswered) {
                missed(d);
            }
            send(d);
        }
    }

    /** A final response to a probe; a 408 (the transaction timed out) is no answer. */
    void answered(Probe probe, int status) {
        LiveDestination d = probe.destination();
        if (status < 200 || status == 408) {
            return;
        }
        d.probeAnswered = Math.max(d.probeAnswered, probe.seq());
        d.missed = 0;
        DestinationState before = d.state();
        if (before != DestinationState.ACTIVE && !d.held()) {
            d.probed(DestinationState.ACTIVE);
            log.accept("dispatcher: destination " + d.config.uri() + " (set " + d.config.setId() + ") answered a "
                    + dispatcher.config().probeMethod() + " with " + status + ": " + before.text()
                    + " -> active, it gets calls again");
        }
    }

    private void missed(LiveDestination d) {
        d.meters.probesFailed().increment();
        d.missed++;
        if (d.missed >= dispatcher.config().probeThreshold() && d.state() == DestinationState.ACTIVE) {
            d.probed(DestinationState.INACTIVE);
            log.accept("dispatcher: destination " + d.config.uri() + " (set " + d.config.setId() + ") did not answer "
                    + d.missed + " " + dispatcher.config().probeMethod() + " probe(s) in a row: active -> inactive,"
                    + " it gets no calls until it answers again");
        }
    }

    private void send(LiveDestination d) {
        d.probeSent = seq;
        if (d.uri == null) {
            return;
        }
        try {
            SipServletRequest req = factory.createRequest(session, dispatcher.config().probeMethod(),
                    factory.createAddress(factory.createSipURI("dispatcher", "localhost")),
                    factory.createAddress(d.uri.clone()));
            req.setRequestURI(d.uri.clone());
            req.getSession().setAttribute(PROBE, new Probe(d, seq));
            req.send();
        } catch (IOException | RuntimeException e) {
            // counted as unanswered at the next round; the state-change line tells the operator
        }
    }
}
