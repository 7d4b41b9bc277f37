package org.olelo.container.internal.deploy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retired versions of applications, from retirement to destruction. A version is retired when
 * a newer one replaces it or its source is removed: from then on it takes no new application
 * sessions, but keeps those it has, with their timers and dialogs, until they end by themselves
 * (then it is <em>drained</em>) or until the drain time passes; then what is left is ended
 * ({@link VersionWork#end}: dialogs get BYE, or CANCEL while they ring, sessions are invalidated).
 * Once no session of the version is left, or {@link #END_GRACE_MILLIS} after the end was ordered,
 * the version is destroyed: servlets {@code destroy()}, context listeners, CDI container, class
 * loader closed, work folder removed. Each step is one INFO line.
 *
 * <p>Any number of versions of one application may drain at once. Deployer thread only, under
 * the deployer's lock: {@link #advance()} runs at every scan, so the steps happen within one
 * {@code deploy.poll.millis} of being due.
 */
final class AppDrainer {

    /** How long the sessions of a version that were told to end may take before it is destroyed anyway. */
    static final long END_GRACE_MILLIS = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(AppDrainer.class);

    private final List<Draining> draining = new ArrayList<>();
    private final long endGraceMillis;
    private VersionWork work = VersionWork.NONE;
    private long drainSeconds;

    /** One retired version. */
    private static final class Draining {
        final DeployedApp app;
        final long since;
        final long deadline;
        VersionWork.Tally ended;
        long endedAt;

        Draining(DeployedApp app, long since, long deadline) {
            this.app = app;
            this.since = since;
            this.deadline = deadline;
        }
    }

    /** A drainer that gives ended sessions {@link #END_GRACE_MILLIS}. */
    AppDrainer() {
        this(END_GRACE_MILLIS);
    }

    /** @param endGraceMillis how long sessions told to end may take before their version is destroyed anyway */
    AppDrainer(long endGraceMillis) {
        this.endGraceMillis = endGraceMillis;
    }

    /**
     * @param work         the container's view of the versions' sessions
     * @param drainSeconds how long a retired version keeps its sessions at most; 0 ends them at once
     */
    void configure(VersionWork work, long drainSeconds) {
        if (drainSeconds < 0) {
            throw new IllegalArgumentException("drain time must not be negative: " + drainSeconds);
        }
        this.work = work;
        this.drainSeconds = drainSeconds;
    }

    /** @return the versions retired and not destroyed yet, oldest first */
    List<DeployedApp> draining() {
        return draining.stream().map(d -> d.app).toList();
    }

    /**
     * Retires a version that the registry no longer offers for new sessions.
     *
     * @param app the version
     * @param why what retired it, for the log ("replaced by deployment 4", "its source was removed")
     */
    void retire(DeployedApp app, String why) {
        long now = System.nanoTime();
        if (work.liveSessions(app) == 0) {
            destroy(app);
            LOG.info("{} is gone ({}): it held no application session; destroyed", app.label(), why);
            return;
        }
        Draining d = new Draining(app, now, now + TimeUnit.SECONDS.toNanos(drainSeconds));
        draining.add(d);
        String held = work.holdings(app).describe();
        if (drainSeconds == 0) {
            LOG.info("Draining {} ({}): it holds {}; deploy.drain.seconds is 0, so they are ended now",
                    app.label(), why, held);
        } else {
            LOG.info("Draining {} ({}): it keeps {} until they end, for at most {} s (deploy.drain.seconds)",
                    app.label(), why, held, drainSeconds);
        }
        if (step(d, now)) {
            draining.remove(d);
        }
    }

    /** Moves every draining version on: destroys the drained ones, ends the overdue ones. */
    void advance() {
        long now = System.nanoTime();
        for (Iterator<Draining> it = draining.iterator(); it.hasNext(); ) {
            Draining d = it.next();
            try {
                if (step(d, now)) {
                    it.remove();
                }
            } catch (RuntimeException e) {
                LOG.warn("Draining {} failed a step: {}", d.app.label(), e.toString(), e);
            }
        }
    }

    /** True when the version is gone. */
    private boolean step(Draining d, long now) {
        int live = work.liveSessions(d.app);
        if (live == 0) {
            gone(d, now, 0);
            return true;
        }
        if (d.ended == null) {
            if (now - d.deadline >= 0) {
                d.ended = work.end(d.app, true);
                d.endedAt = now;
            }
            return false;
        }
        if (now - d.endedAt >= TimeUnit.MILLISECONDS.toNanos(endGraceMillis)) {
            gone(d, now, live);
            return true;
        }
        return false;
    }

    private void gone(Draining d, long now, int stuck) {
        destroy(d.app);
        if (d.ended == null) {
            LOG.info("{} is gone: drained in {} s; destroyed", d.app.label(), seconds(now - d.since));
            return;
        }
        VersionWork.Holdings e = d.ended.snapshot();
        LOG.info("{} is gone: the drain time of {} s passed; dropped {} (dialogs ended with BYE, or CANCEL while"
                        + " ringing; sessions invalidated, timers cancelled){}; destroyed", d.app.label(), drainSeconds,
                e.describe(), stuck == 0 ? "" : "; " + VersionWork.Holdings.plural(stuck, "application session")
                        + " did not end within " + seconds(TimeUnit.MILLISECONDS.toNanos(endGraceMillis)) + " s");
    }

    /** A duration for the log: tenths of a second below a minute, whole seconds above. */
    static String seconds(long nanos) {
        long tenths = TimeUnit.NANOSECONDS.toMillis(nanos) / 100;
        return tenths < 600 ? tenths / 10 + "." + tenths % 10 : Long.toString(tenths / 10);
    }

    /**
     * Stops every draining version and the given running ones: their sessions are invalidated
     * without SIP signalling (the server is going down), then, once they are gone or after the
     * grace for ended sessions, every version is destroyed. Blocks until done.
     *
     * @param running versions the deployer just removed from the registry, in the order to destroy them
     */
    void stop(List<DeployedApp> running) {
        List<Draining> all = new ArrayList<>();
        long now = System.nanoTime();
        running.forEach(a -> all.add(new Draining(a, now, now)));
        all.addAll(draining);
        draining.clear();
        for (Draining d : all) {
            if (work.liveSessions(d.app) > 0) {
                d.ended = work.end(d.app, false);
            }
        }
        long until = now + TimeUnit.MILLISECONDS.toNanos(endGraceMillis);
        while (all.stream().anyMatch(d -> work.liveSessions(d.app) > 0) && System.nanoTime() - until < 0) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        for (Draining d : all) {
            int stuck = work.liveSessions(d.app);
            destroy(d.app);
            if (d.ended != null) {
                LOG.info("Stopped {}: ended {} (sessions invalidated){}", d.app.label(), d.ended.snapshot().describe(),
                        stuck == 0 ? "" : "; " + VersionWork.Holdings.plural(stuck, "application session")
                                + " did not end in time");
            }
        }
    }

    /**
     * Destroys a version: first no SIP message reaches it, then its servlets and listeners are torn
     * down while its container objects still work (a goodbye message sent from {@code destroy()}
     * leaves), and only then does the container let go of it.
     */
    private void destroy(DeployedApp app) {
        work.destroying(app);
        try {
            app.shutdown();
        } finally {
            work.forget(app);
        }
    }
}
