package org.olelo.container.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ServletContext;
import jakarta.servlet.sip.SipApplicationSessionEvent;
import jakarta.servlet.sip.SipApplicationSessionListener;
import jakarta.servlet.sip.SipServletRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.olelo.core.transaction.TransactionTimers;

/**
 * Application-session expiry on the production code path with a short expiry minute (waiting for
 * real minutes would make the suite crawl): {@code sessionExpired} before invalidation, extension
 * from the listener, sessions that never expire.
 */
class SessionExpiryTest {

    private static final long MINUTE = 150;

    private final TransactionTimers timers = new TransactionTimers();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final SessionManager manager = new SessionManager(timers, threads, MINUTE);
    private final List<String> events = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        timers.close();
        threads.shutdownNow();
    }

    /** Records the life cycle; {@code onExpired} runs inside {@code sessionExpired}. */
    private SipApplicationSessionListener recorder(Consumer<SipApplicationSessionEvent> onExpired) {
        return new SipApplicationSessionListener() {
            @Override
            public void sessionCreated(SipApplicationSessionEvent ev) {
                events.add("created");
            }

            @Override
            public void sessionDestroyed(SipApplicationSessionEvent ev) {
                events.add("destroyed" + (ev.getApplicationSession().isValid() ? " readable" : ""));
            }

            @Override
            public void sessionExpired(SipApplicationSessionEvent ev) {
                events.add("expired");
                onExpired.accept(ev);
            }

            @Override
            public void sessionReadyToInvalidate(SipApplicationSessionEvent ev) {
                events.add("ready");
            }
        };
    }

    private static AppContext app(int timeoutMinutes, Object... listeners) {
        return new AppContext() {
            @Override
            public String name() {
                return "exp";
            }

            @Override
            public ServletContext servletContext() {
                return null;
            }

            @Override
            public <T> List<T> listeners(Class<T> type) {
                return java.util.Arrays.stream(listeners).filter(type::isInstance).map(type::cast).toList();
            }

            @Override
            public int sessionTimeoutMinutes() {
                return timeoutMinutes;
            }

            @Override
            public void runInContext(Runnable code) {
                code.run();
            }

            @Override
            public boolean hasServlet(String servletName) {
                return false;
            }

            @Override
            public boolean hasApplicationKey() {
                return false;
            }

            @Override
            public String applicationKey(SipServletRequest initialRequest) {
                return null;
            }
        };
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.currentTimeMillis() + 5000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    @Test
    void anExpiredSessionIsToldAndThenInvalidated() throws Exception {
        SipApplicationSessionImpl s = manager.createApplicationSession(app(1, recorder(e -> { })));
        long expected = s.getExpirationTime();
        assertTrue(expected >= s.getCreationTime() + MINUTE && expected <= System.currentTimeMillis() + MINUTE);
        await(() -> !s.isValid(), "invalidation");
        assertTrue(System.currentTimeMillis() >= expected);
        assertEquals(List.of("created", "expired", "destroyed readable"), events);
        assertNull(manager.applicationSession(s.getId()));
    }

    @Test
    void aListenerExtendsTheLifetimeFromSessionExpired() throws Exception {
        List<Integer> granted = new CopyOnWriteArrayList<>();
        long[] firstExpiry = new long[1];
        SipApplicationSessionImpl s = manager.createApplicationSession(app(1, recorder(e -> {
            if (granted.isEmpty()) {
                firstExpiry[0] = System.currentTimeMillis();
                granted.add(e.getApplicationSession().setExpires(3));
            }
        })));
        await(() -> !s.isValid(), "invalidation");
        long lived = System.currentTimeMillis() - firstExpiry[0];
        assertEquals(List.of(3), granted);
        assertEquals(List.of("created", "expired", "expired", "destroyed readable"), events);
        assertTrue(lived >= 3 * MINUTE - 20, "the extension was honoured: " + lived + " ms");
    }

    @Test
    void zeroOrNegativeMinutesMeanNeverExpire() throws Exception {
        SipApplicationSessionImpl s = manager.createApplicationSession(app(1, recorder(e -> { })));
        assertEquals(Integer.MAX_VALUE, s.setExpires(0));
        assertEquals(0, s.getExpirationTime());
        SipApplicationSessionImpl t = manager.createApplicationSession(app(1, recorder(e -> { })));
        assertEquals(Integer.MAX_VALUE, t.setExpires(-5));
        SipApplicationSessionImpl u = manager.createApplicationSession(app(0, recorder(e -> { })));
        assertEquals(0, u.getExpirationTime(), "session-timeout 0: never");
        Thread.sleep(4 * MINUTE);
        assertTrue(s.isValid() && t.isValid() && u.isValid());
        assertFalse(events.contains("expired"), events.toString());
    }

    @Test
    void aFailingExpiryListenerDoesNotKeepTheSessionAlive() throws Exception {
        SipApplicationSessionImpl s = manager.createApplicationSession(app(1, recorder(e -> {
            throw new IllegalStateException("listener bug");
        })));
        await(() -> !s.isValid(), "invalidation");
        assertEquals(List.of("created", "expired", "destroyed readable"), events);
    }

    @Test
    void anApplicationKeyMapsToOneSessionUntilItIsInvalidated() {
        AppContext app = app(1);
        SipApplicationSessionImpl a = manager.createApplicationSession(app, SessionManager.keyId("exp", "k"));
        assertSame(a, manager.createForRequest(app, SessionManager.keyId("exp", "k")));
        a.invalidate();
        SipApplicationSessionImpl b = manager.createForRequest(app, SessionManager.keyId("exp", "k"));
        assertTrue(b.isValid());
        assertEquals(a.getId(), b.getId());
        assertSame(b, manager.applicationSession(b.getId()));
    }
}
