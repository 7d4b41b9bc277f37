package org.olelo.container.internal.deploy;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the deployer needs to know of the calls that a retired version of an application still
 * carries, and how to end them. The container owns the sessions and implements it; the deployer
 * asks on its own thread, while it drains the version ({@link AppDrainer}).
 */
public interface VersionWork {

    /** Nothing is tracked: every retired version counts as drained and is shut down at once. */
    VersionWork NONE = new VersionWork() {
        @Override
        public int liveSessions(DeployedApp version) {
            return 0;
        }

        @Override
        public Holdings holdings(DeployedApp version) {
            return new Holdings(0, 0, 0);
        }

        @Override
        public Tally end(DeployedApp version, boolean hangUp) {
            return new Tally();
        }

        @Override
        public void forget(DeployedApp version) {
        }
    };

    /**
     * @param version a deployed version
     * @return how many of its application sessions are still valid; cheap (a counter)
     */
    int liveSessions(DeployedApp version);

    /**
     * @param version a deployed version
     * @return its application sessions, their active timers and their dialogs (early or confirmed)
     *         at this moment; walks the session table, so it is called once per retirement
     */
    Holdings holdings(DeployedApp version);

    /**
     * Ends everything the version still holds, each application session on its own executor
     * behind the work queued there: with {@code hangUp}, every early or confirmed INVITE dialog is
     * ended in SIP first (BYE, or CANCEL and 487 while it rings); then the application session is
     * invalidated ({@code sessionDestroyed} runs, its timers are cancelled).
     *
     * @param version a deployed version
     * @param hangUp  whether to end the dialogs in SIP (false when the server stops)
     * @return a tally that fills up as the sessions end
     */
    Tally end(DeployedApp version, boolean hangUp);

    /**
     * The version is about to be shut down: no SIP message of its sessions reaches its servlets
     * from now on, while its {@code SipFactory}, {@code SipSessionsUtil} and {@code TimerService}
     * keep working for the code that runs in its {@code destroy()} and {@code contextDestroyed}.
     * Does nothing by default.
     *
     * @param version a version that {@link AppDrainer} is about to destroy
     */
    default void destroying(DeployedApp version) {
    }

    /**
     * The version was shut down: the container lets go of it, and its container objects stop
     * working.
     *
     * @param version a version that {@link AppDrainer} destroyed
     */
    void forget(DeployedApp version);

    /**
     * What a version holds.
     *
     * @param sessions application sessions
     * @param timers   active servlet timers
     * @param dialogs  early or confirmed dialogs
     */
    record Holdings(int sessions, int timers, int dialogs) {

        /** @return e.g. {@code 2 application sessions, 1 timer and 2 dialogs} */
        public String describe() {
            return plural(sessions, "application session") + ", " + plural(timers, "timer") + " and "
                    + plural(dialogs, "dialog");
        }

        static String plural(int n, String what) {
            return n + " " + what + (n == 1 ? "" : "s");
        }
    }

    /** What {@link #end} has ended so far; thread-safe, filled on the sessions' executors. */
    final class Tally {

        private final AtomicInteger sessions = new AtomicInteger();
        private final AtomicInteger timers = new AtomicInteger();
        private final AtomicInteger dialogs = new AtomicInteger();

        /**
         * Counts one application session that was ended.
         *
         * @param timersCancelled its timers that were still active
         * @param dialogsEnded    its dialogs that got a BYE or a CANCEL
         */
        public void ended(int timersCancelled, int dialogsEnded) {
            timers.addAndGet(timersCancelled);
            dialogs.addAndGet(dialogsEnded);
            sessions.incrementAndGet();
        }

        /** @return the counts so far */
        public Holdings snapshot() {
            return new Holdings(sessions.get(), timers.get(), dialogs.get());
        }
    }
}
