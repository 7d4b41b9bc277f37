package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.olelo.core.testkit.SipText.header;
import static org.olelo.core.testkit.SipText.status;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.container.internal.deploy.DeployProblem;
import org.olelo.container.internal.deploy.TestApps;
import org.olelo.container.testkit.TestServer;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipPeer;

/**
 * The CDI scopes of JSR 359 and the built-in beans, over SIP (in memory): an application whose
 * MESSAGEs share an application session by their {@code X-Call} header (its
 * {@code @SipApplicationKey}, and that live until the command {@code end} invalidates them)
 * reports, in each 200, what its beans saw:
 * <ul>
 * <li>{@code X-Call-Bean}: the {@code @SipApplicationSessionScoped} bean's number and its log
 *     (the session listener's {@code created}, each message, a timer's firing);</li>
 * <li>{@code X-Step}: the {@code @SipInvocationScoped} bean's number, and whether a dependent
 *     helper injected with the same type got the same instance;</li>
 * <li>{@code X-Destroyed}: every bean destroyed so far ({@code @PreDestroy});</li>
 * <li>{@code X-Current}, {@code X-Builtins}, {@code X-Init}: the injected current
 *     {@code SipApplicationSession} against the request's, the injected {@code SipFactory},
 *     {@code SipSessionsUtil} and {@code TimerService}, and what the current session did when the
 *     servlet's {@code init()} used it outside any invocation.</li>
 * </ul>
 */
class CdiScopesTest {

    private static final String CALL_STATE = """
            package s;
            import jakarta.annotation.PostConstruct;
            import jakarta.annotation.PreDestroy;
            import jakarta.inject.Inject;
            import jakarta.servlet.sip.SipFactory;
            import jakarta.servlet.sip.annotation.SipApplicationSessionScoped;
            import java.util.*;
            import java.util.concurrent.atomic.AtomicInteger;
            @SipApplicationSessionScoped
            public class CallState implements java.io.Serializable {
                static final AtomicInteger COUNT = new AtomicInteger();
                @Inject SipFactory factory;
                private int id;
                private final List<String> log = new ArrayList<>();
                @PostConstruct void made() { id = COUNT.incrementAndGet(); }
                @PreDestroy void gone() { Destroyed.add("call" + id); }
                public int id() { return id; }
                public boolean hasFactory() { return factory != null; }
                public void note(String s) { log.add(s); }
                public String log() { return String.join(",", log); }
            }
            """;

    private static final String STEP = """
            package s;
            import jakarta.annotation.PostConstruct;
            import jakarta.annotation.PreDestroy;
            import jakarta.servlet.sip.annotation.SipInvocationScoped;
            import java.util.concurrent.atomic.AtomicInteger;
            @SipInvocationScoped
            public class Step {
                static final AtomicInteger COUNT = new AtomicInteger();
                private int id;
                @PostConstruct void made() { id = COUNT.incrementAndGet(); }
                @PreDestroy void gone() { Destroyed.add("step" + id); }
                public int id() { return id; }
            }
            """;

    private static final String HELPER = """
            package s;
            import jakarta.enterprise.context.Dependent;
            import jakarta.inject.Inject;
            @Dependent
            public class Helper {
                @Inject Step step;
                public int stepId() { return step.id(); }
            }
            """;

    private static final String DESTROYED = """
            package s;
            import java.util.*;
            public class Destroyed {
                private static final List<String> ALL = Collections.synchronizedList(new ArrayList<>());
                static void add(String s) { ALL.add(s); }
                static String all() { synchronized (ALL) { return ALL.isEmpty() ? "-" : String.join(",", ALL); } }
            }
            """;

    private static final String EVENTS = """
            package s;
            import jakarta.inject.Inject;
            import jakarta.servlet.sip.*;
            public class Events implements SipApplicationSessionListener, TimerListener {
                @Inject CallState call;
                @Inject Step step;
                public void sessionCreated(SipApplicationSessionEvent e) { call.note("created"); }
                public void sessionDestroyed(SipApplicationSessionEvent e) { call.note("destroyed"); }
                public void sessionExpired(SipApplicationSessionEvent e) { }
                public void sessionReadyToInvalidate(SipApplicationSessionEvent e) { }
                public void timeout(ServletTimer t) { call.note("timer-step" + step.id()); }
            }
            """;

    private static final String CHAT = """
            package s;
            import jakarta.enterprise.context.ContextNotActiveException;
            import jakarta.inject.Inject;
            import jakarta.servlet.sip.*;
            import jakarta.servlet.sip.annotation.SipApplicationKey;
            import java.io.IOException;
            public class Chat extends SipServlet {
                static volatile String init = "not run";
                @Inject CallState call;
                @Inject Step step;
                @Inject Helper helper;
                @Inject SipApplicationSession current;
                @Inject SipFactory factory;
                @Inject SipSessionsUtil util;
                @Inject TimerService timers;
                @SipApplicationKey
                public static String key(SipServletRequest req) { return req.getHeader("X-Call"); }
                @Override public void init() {
                    try {
                        init = "active " + current.getId();
                    } catch (ContextNotActiveException e) {
                        init = "ContextNotActiveException";
                    }
                }
                @Override protected void doMessage(SipServletRequest req) throws IOException {
                    String cmd = req.getHeader("X-Cmd");
                    req.getApplicationSession().setInvalidateWhenReady(false);
                    if (!"peek".equals(cmd)) {
                        call.note("msg-step" + step.id());
                    }
                    if ("timer".equals(cmd)) {
                        timers.createTimer(req.getApplicationSession(), 1, false, "t");
                    }
                    SipServletResponse ok = req.createResponse(200);
                    ok.setHeader("X-Call-Bean", call.id() + " " + call.log());
                    ok.setHeader("X-Step", step.id() + (helper.stepId() == step.id() ? " shared" : " not-shared"));
                    ok.setHeader("X-Destroyed", Destroyed.all());
                    ok.setHeader("X-Current", current.getId().equals(req.getApplicationSession().getId())
                            ? "the request's" : current.getId());
                    ok.setHeader("X-Builtins", factory == getServletContext().getAttribute(SIP_FACTORY)
                            && util == getServletContext().getAttribute(SIP_SESSIONS_UTIL)
                            && timers == getServletContext().getAttribute(TIMER_SERVICE) && call.hasFactory()
                            ? "injected" : "missing");
                    ok.setHeader("X-Init", init);
                    ok.send();
                    if ("end".equals(cmd)) {
                        req.getApplicationSession().invalidate();
                    }
                }
            }
            """;

    private static final String SIP_XML = """
            <sip-app xmlns="http://xmlns.jcp.org/xml/ns/javaee">
              <app-name>scopes</app-name>
              <listener><listener-class>s.Events</listener-class></listener>
              <servlet><servlet-name>chat</servlet-name><servlet-class>s.Chat</servlet-class></servlet>
            </sip-app>
            """;

    @TempDir
    Path tmp;
    private TestServer server;
    private SipPeer peer;

    @AfterEach
    void stop() {
        if (peer != null) {
            peer.close();
        }
        if (server != null) {
            server.close();
        }
    }

    static TestApps app() {
        return TestApps.app().java("s.CallState", CALL_STATE).java("s.Step", STEP).java("s.Helper", HELPER)
                .java("s.Destroyed", DESTROYED).java("s.Events", EVENTS).java("s.Chat", CHAT).sipXml(SIP_XML);
    }

    /** Sends a MESSAGE of one call with a command; returns its 200. */
    private String send(String call, String cmd) throws Exception {
        String r = peer.finalResponseTo(SipBuilder.request("MESSAGE", "sip:scopes@127.0.0.1").via(peer)
                .from("<sip:tester@127.0.0.1>").to("<sip:scopes@127.0.0.1>").header("X-Call", call)
                .header("X-Cmd", cmd));
        assertEquals(200, status(r), r);
        return r;
    }

    @Test
    void sessionBeansLiveAsLongAsTheirApplicationSessionAndInvocationBeansAsLongAsOneCall() throws Exception {
        server = TestServer.builder().app("scopes", app()).routeAllTo("scopes").start(tmp);
        assertTrue(server.server().deployer().failures().isEmpty(), () -> "failures: " + server.server().deployer().failures());
        peer = server.caller();

        String first = send("a", "timer");
        assertEquals("1 created,msg-step1", header(first, "X-Call-Bean"),
                "one bean for the session, the same in its sessionCreated listener and in the servlet");
        assertEquals("1 shared", header(first, "X-Step"), "one invocation-scoped instance within an invocation");
        assertEquals("-", header(first, "X-Destroyed"));
        assertEquals("the request's", header(first, "X-Current"));
        assertEquals("injected", header(first, "X-Builtins"));
        assertEquals("ContextNotActiveException", header(first, "X-Init"),
                "the current application session outside any invocation");

        String later = null;
        for (int i = 0; i < 50; i++) {
            later = send("a", "peek");
            if (header(later, "X-Call-Bean").contains("timer")) {
                break;
            }
            Thread.sleep(50);
        }
        assertNotNull(later);
        String afterTimer = header(later, "X-Call-Bean");
        assertTrue(afterTimer.matches("1 created,msg-step1,timer-step\\d+"), afterTimer);
        int timerStep = Integer.parseInt(afterTimer.substring(afterTimer.lastIndexOf("step") + 4));
        assertNotEquals(1, timerStep, "the timer is an invocation of its own");
        assertTrue(header(later, "X-Destroyed").startsWith("step1,"), header(later, "X-Destroyed"));

        String other = send("b", "msg");
        assertTrue(header(other, "X-Call-Bean").matches("2 created,msg-step\\d+"),
                "another call has its own session bean: " + header(other, "X-Call-Bean"));

        String second = send("a", "msg");
        String secondStep = header(second, "X-Step").split(" ")[0];
        assertEquals("1 created,msg-step1,timer-step" + timerStep + ",msg-step" + secondStep,
                header(second, "X-Call-Bean"), "the session bean keeps its state across the call's requests");
        assertTrue(Integer.parseInt(secondStep) > timerStep, "a new invocation-scoped instance per request");
        assertTrue(!header(second, "X-Destroyed").contains("call"), header(second, "X-Destroyed"));

        send("a", "end");
        // the invalidation runs on call a's executor after its 200 left: call c may look before it ends
        String after = send("c", "peek");
        for (int i = 0; i < 100 && !header(after, "X-Destroyed").contains("call"); i++) {
            Thread.sleep(20);
            after = send("c", "peek");
        }
        String destroyed = header(after, "X-Destroyed");
        assertTrue(destroyed.contains("call1"), "@PreDestroy ran when the session was invalidated: " + destroyed);
        assertTrue(!destroyed.contains("call2"), "the other call's bean lives on: " + destroyed);
        assertTrue(header(after, "X-Call-Bean").startsWith("3 "), header(after, "X-Call-Bean"));
        String b = send("b", "peek");
        assertTrue(header(b, "X-Call-Bean").startsWith("2 created,msg-step"), header(b, "X-Call-Bean"));
    }

    @Test
    void aSessionScopedBeanThatIsNotSerializableFailsTheDeployment() throws Exception {
        TestApps bad = TestApps.app().java("s.Unsaved", """
                package s;
                @jakarta.servlet.sip.annotation.SipApplicationSessionScoped
                public class Unsaved { }
                """).java("s.Chat", """
                package s;
                public class Chat extends jakarta.servlet.sip.SipServlet {
                    @jakarta.inject.Inject Unsaved unsaved;
                }
                """).sipXml(SIP_XML.replace("<listener><listener-class>s.Events</listener-class></listener>", ""));
        server = TestServer.builder().app("scopes", bad).routeAllTo("scopes").start(tmp);
        DeployProblem p = server.server().deployer().failures().values().stream().findFirst()
                .orElseThrow(() -> new AssertionError("the deployment should fail"));
        assertTrue(p.reason().contains("s.Unsaved"), p.toString());
    }
}
