package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.olelo.core.testkit.SipText.header;
import static org.olelo.core.testkit.SipText.method;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.container.internal.deploy.TestApps;
import org.olelo.container.testkit.TestServer;
import org.olelo.core.testkit.MemoryPeer;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipText;

/**
 * Tasks of application sessions (JSR 359 with Jakarta Concurrency): an application injects its
 * {@code ManagedScheduledExecutorService}; a task submitted from a servlet runs on its application
 * session's serial executor, after the servlet call and with that session current, and is listed by
 * {@code getTaskFutures()} until it finishes; a task whose execution properties name a session by
 * {@code SIP_APPLICATIONSESSION_ID} or {@code SIP_APPLICATIONSESSION_KEY} runs in that one, even when
 * submitted from a thread of no session; invalidation cancels the unfinished ones. Real SIP in memory.
 */
class SessionTasksTest {

    private static final int PEER_PORT = 5481;
    private static final String ROUTING = "MESSAGE: (\"tasks\", \"DAR:From\", \"NEUTRAL\", \"\", \"NO_ROUTE\", \"0\")\n";

    @TempDir
    Path tmp;
    private TestServer server;

    @BeforeEach
    void deploy() throws Exception {
        server = TestServer.builder().app("tasks", app()).routing(ROUTING).start(tmp);
        assertTrue(server.server().deployer().failures().isEmpty(), () -> server.server().deployer().failures().toString());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static TestApps app() {
        return TestApps.app().sipXml("""
                <sip-app><app-name>tasks</app-name>
                  <servlet><servlet-name>t</servlet-name><servlet-class>t.Tasks</servlet-class></servlet>
                </sip-app>
                """).java("t.Tasks", """
                package t;
                import jakarta.annotation.Resource;
                import jakarta.enterprise.concurrent.*;
                import jakarta.servlet.ServletException;
                import jakarta.servlet.sip.*;
                import java.util.Map;
                import java.util.concurrent.*;
                public class Tasks extends SipServlet {
                    @Resource private ManagedScheduledExecutorService exec;
                    @Resource private SipSessionsUtil util;
                    @Resource private SipFactory factory;
                    @Override
                    protected void doMessage(SipServletRequest req) throws java.io.IOException, ServletException {
                        SipServletResponse resp = req.createResponse(200);
                        SipApplicationSession as = req.getApplicationSession();
                        try {
                            switch (req.getHeader("X-Do")) {
                                case "serial" -> serial(req, resp, as);
                                case "cancel" -> cancel(resp);
                                case "key" -> key(resp);
                                default -> resp.setHeader("X-Failure", "unknown");
                            }
                        } catch (Exception e) {
                            resp.setHeader("X-Failure", e.toString());
                        }
                        resp.send();
                    }
                    private void serial(SipServletRequest req, SipServletResponse resp, SipApplicationSession as) throws Exception {
                        String to = req.getHeader("X-Reply-To");
                        boolean[] servletDone = new boolean[1];
                        Future<?> f = exec.submit(() -> {
                            SipServletRequest m = factory.createRequest(as, "MESSAGE", "sip:tasks@127.0.0.1", to);
                            m.setContent("current=" + (util.getCurrentApplicationSession() == as)
                                    + " afterServlet=" + servletDone[0]
                                    + " listed=" + as.getTaskFutures().size(), "text/plain");
                            m.send();
                            return null;
                        });
                        resp.setHeader("X-Listed", Boolean.toString(as.getTaskFutures().contains(f)));
                        try {
                            f.get(1, TimeUnit.SECONDS);
                            resp.setHeader("X-SelfWait", "waited");
                        } catch (IllegalStateException e) {
                            resp.setHeader("X-SelfWait", "refused");
                        }
                        Thread.sleep(300);
                        resp.setHeader("X-Done", Boolean.toString(f.isDone()));
                        servletDone[0] = true;
                    }
                    private void cancel(SipServletResponse resp) {
                        SipApplicationSession other = factory.createApplicationSession();
                        Runnable r = () -> { throw new IllegalStateException("never runs"); };
                        ScheduledFuture<?> f = exec.schedule(ManagedExecutors.managedTask(r, Map.of(
                                SipServlet.SIP_APPLICATIONSESSION_ID, other.getId(),
                                ManagedTask.IDENTITY_NAME, "slow"), null), 10, TimeUnit.SECONDS);
                        resp.setHeader("X-ById", Boolean.toString(other.getTaskFuture("slow") == f
                                && other.getTaskFutures().size() == 1));
                        resp.setHeader("X-Ready", Boolean.toString(other.isReadyToInvalidate()));
                        other.invalidate();
                        resp.setHeader("X-Cancelled", Boolean.toString(f.isCancelled()));
                    }
                    private void key(SipServletResponse resp) throws Exception {
                        Callable<String> c = () -> {
                            SipApplicationSession current = util.getCurrentApplicationSession();
                            current.setInvalidateWhenReady(false);
                            return Boolean.toString(current == util.getApplicationSessionByKey("k1", false));
                        };
                        Object[] out = new Object[1];
                        Thread t = new Thread(() -> out[0] = exec.submit(ManagedExecutors.managedTask(c, Map.of(
                                SipServlet.SIP_APPLICATIONSESSION_KEY, "k1",
                                SipServlet.SIP_APPLICATIONSESSION_CREATE, "true"), null)));
                        t.start();
                        t.join();
                        @SuppressWarnings("unchecked")
                        Future<String> f = (Future<String>) out[0];
                        String ranIn = f.get(5, TimeUnit.SECONDS);
                        SipApplicationSession keyed = util.getApplicationSessionByKey("k1", false);
                        resp.setHeader("X-InKeyed", ranIn);
                        long end = System.currentTimeMillis() + 2000;
                        while (!keyed.getTaskFutures().isEmpty() && System.currentTimeMillis() < end) {
                            Thread.sleep(10);
                        }
                        resp.setHeader("X-DroppedOut", Boolean.toString(keyed.getTaskFutures().isEmpty()));
                        keyed.invalidate();
                        Future<String> none = exec.submit(ManagedExecutors.managedTask(c, Map.of(
                                SipServlet.SIP_APPLICATIONSESSION_KEY, "k2"), null));
                        resp.setHeader("X-Unknown", "accepted");
                    }
                }
                """);
    }

    private String send(String what) throws Exception {
        try (MemoryPeer sender = server.memoryPeer(1)) {
            String r = sender.finalResponseTo(SipBuilder.request("MESSAGE", "sip:tasks@127.0.0.1").via(sender)
                    .from("<sip:t@127.0.0.1>").header("X-Do", what).header("X-Reply-To", "sip:peer@127.0.0.1:" + PEER_PORT));
            assertEquals(200, SipText.status(r), r);
            return r;
        }
    }

    /** The task waits for the servlet call to end, runs with the session current, and is listed while unfinished. */
    @Test
    void aTaskRunsOnItsSessionsExecutorAfterTheServletCall() throws Exception {
        String r = send("serial");
        assertEquals(null, header(r, "X-Failure"), r);
        assertEquals("true", header(r, "X-Listed"), "getTaskFutures lists the submitted task: " + r);
        assertEquals("refused", header(r, "X-SelfWait"), "waiting for it on its own session's executor is refused: " + r);
        assertEquals("false", header(r, "X-Done"), "the task does not run while the servlet runs: " + r);
        MemoryPeer peer = new MemoryPeer(server.memory(), PEER_PORT);
        String m = peer.receive(5_000);
        assertNotNull(m, "the task's MESSAGE");
        assertEquals("MESSAGE", method(m), m);
        peer.send(SipBuilder.response(m, 200, "OK").toTag("p1"));
        assertEquals("current=true afterServlet=true listed=1", m.substring(m.indexOf("\r\n\r\n") + 4),
                "the task runs after the servlet call, with its session current, listed until it ends");
    }

    /** A task for another session, named by id, is listed by its identity name; invalidation cancels it. */
    @Test
    void invalidationCancelsAnUnfinishedTask() throws Exception {
        String r = send("cancel");
        assertEquals(null, header(r, "X-Failure"), r);
        assertEquals("true", header(r, "X-ById"), "getTaskFuture(identity name) and getTaskFutures: " + r);
        assertEquals("false", header(r, "X-Ready"), "an unfinished task keeps the session from being ready: " + r);
        assertEquals("true", header(r, "X-Cancelled"), "invalidation cancels the task: " + r);
    }

    /** A task submitted from a thread of no session, with SIP_APPLICATIONSESSION_KEY, runs in the keyed session. */
    @Test
    void theApplicationSessionKeyPropertyChoosesTheSession() throws Exception {
        String r = send("key");
        assertEquals("true", header(r, "X-InKeyed"), "the task ran with the keyed session current: " + r);
        assertEquals("true", header(r, "X-DroppedOut"), "a finished task leaves getTaskFutures: " + r);
        assertTrue(String.valueOf(header(r, "X-Failure")).contains("RejectedExecutionException"),
                "a key naming no session, without SIP_APPLICATIONSESSION_CREATE, is rejected: " + r);
        assertEquals(null, header(r, "X-Unknown"), r);
    }
}
