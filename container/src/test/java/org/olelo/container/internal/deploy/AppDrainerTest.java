package org.olelo.container.internal.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The drainer's steps against a stand-in for the container's sessions: what it asks, when it
 * destroys a version (its work folder goes with it) and what it logs, including the cases the
 * SIP flows cannot reach in a reasonable time (sessions that do not end, a server stopping).
 */
class AppDrainerTest {

    @TempDir
    Path tmp;
    private AppDeployer deployer;
    private DeployedApp app;
    private final Work work = new Work();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger drainLog = (Logger) LoggerFactory.getLogger(AppDrainer.class);

    /** A version's sessions as the test sets them; records each end order. */
    static final class Work implements VersionWork {
        final AtomicInteger live = new AtomicInteger();
        final List<String> calls = new CopyOnWriteArrayList<>();
        volatile boolean endsAtOnce;

        @Override
        public int liveSessions(DeployedApp version) {
            return live.get();
        }

        @Override
        public Holdings holdings(DeployedApp version) {
            return new Holdings(live.get(), 1, 2);
        }

        @Override
        public Tally end(DeployedApp version, boolean hangUp) {
            calls.add("end hangUp=" + hangUp);
            Tally t = new Tally();
            if (endsAtOnce) {
                for (int i = live.getAndSet(0); i > 0; i--) {
                    t.ended(1, 1);
                }
            }
            return t;
        }

        @Override
        public void forget(DeployedApp version) {
            calls.add("forget");
        }
    }

    @BeforeEach
    void deployOne() throws Exception {
        Path apps = Files.createDirectories(tmp.resolve("apps"));
        SampleApps.hello("1").writeFolder(apps.resolve("hello"));
        deployer = new AppDeployer(apps, tmp.resolve("work"), new Fakes.Services(), new AppRegistry());
        deployer.start();
        app = deployer.registry().get("hello");
        log.start();
        drainLog.addAppender(log);
    }

    @AfterEach
    void stop() {
        drainLog.detachAppender(log);
        deployer.stop();
    }

    private List<String> lines() {
        synchronized (log) { // the appender appends under its own lock
            return log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    @Test
    void aVersionWithoutSessionsIsDestroyedWhenRetired() {
        AppDrainer d = new AppDrainer();
        d.configure(work, 3600);
        d.retire(app, "its source was removed");
        assertFalse(Files.exists(app.workDir()), "destroyed");
        assertEquals(List.of("forget"), work.calls);
        assertEquals(List.of(app.label() + " is gone (its source was removed): it held no application session; destroyed"),
                lines());
    }

    @Test
    void aVersionIsDestroyedOnlyOnceItsLastSessionEnded() {
        AppDrainer d = new AppDrainer();
        d.configure(work, 3600);
        work.live.set(2);
        d.retire(app, "replaced by hello deployment 9");
        assertTrue(lines().get(0).startsWith("Draining " + app.label() + " (replaced by hello deployment 9): it keeps"
                + " 2 application sessions, 1 timer and 2 dialogs until they end, for at most 3600 s"), lines().toString());
        d.advance();
        work.live.set(1);
        d.advance();
        assertTrue(Files.exists(app.workDir()), "a version with sessions is kept");
        assertEquals(List.of(app), d.draining());
        work.live.set(0);
        d.advance();
        assertFalse(Files.exists(app.workDir()));
        assertTrue(d.draining().isEmpty());
        assertEquals(List.of("forget"), work.calls, "nothing was ended");
        assertTrue(lines().get(1).startsWith(app.label() + " is gone: drained in "), lines().toString());
    }

    @Test
    void sessionsThatDoNotEndAfterTheDrainTimeDoNotKeepTheVersionBeyondTheGrace() throws Exception {
        AppDrainer d = new AppDrainer(200);
        d.configure(work, 0);
        work.live.set(2);
        d.retire(app, "replaced by hello deployment 9");
        assertEquals(List.of("end hangUp=true"), work.calls, "a drain time of 0 ends the sessions at once, with BYE");
        d.advance();
        assertTrue(Files.exists(app.workDir()), "the ended sessions get their grace");
        Thread.sleep(250);
        d.advance();
        assertFalse(Files.exists(app.workDir()));
        String gone = lines().get(lines().size() - 1);
        assertTrue(gone.startsWith(app.label() + " is gone: the drain time of 0 s passed; dropped 0 application sessions"),
                gone);
        assertTrue(gone.endsWith("; 2 application sessions did not end within 0.2 s; destroyed"), gone);
    }

    @Test
    void stoppingEndsTheSessionsWithoutSignallingAndDestroysTheVersionOnceTheyAreGone() {
        AppDrainer d = new AppDrainer(5_000);
        d.configure(work, 3600);
        work.live.set(3);
        work.endsAtOnce = true;
        d.stop(List.of(app));
        assertEquals(List.of("end hangUp=false", "forget"), work.calls);
        assertFalse(Files.exists(app.workDir()));
        assertEquals(List.of("Stopped " + app.label() + ": ended 3 application sessions, 3 timers and 3 dialogs"
                + " (sessions invalidated)"), lines());
    }
}
