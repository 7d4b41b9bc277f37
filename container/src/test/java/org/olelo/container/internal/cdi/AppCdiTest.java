package org.olelo.container.internal.cdi;

import jakarta.servlet.Servlet;
import jakarta.servlet.sip.TimerListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.container.internal.deploy.AppDeployer;
import org.olelo.container.internal.deploy.AppRegistry;
import org.olelo.container.internal.deploy.AppServices;
import org.olelo.container.internal.deploy.DeployedApp;
import org.olelo.container.internal.deploy.Fakes;
import org.olelo.container.internal.deploy.TestApps;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AppCdiTest {

    @TempDir
    Path tmp;

    final Fakes.Services services = new Fakes.Services();
    final AppRegistry registry = new AppRegistry();
    AppDeployer deployer;

    static TestApps cdiApp(String name) {
        return TestApps.app()
                .sipXml("""
                        <sip-app>
                          <app-name>%s</app-name>
                          <listener><listener-class>c.Clock</listener-class></listener>
                          <servlet><servlet-name>greeter</servlet-name><servlet-class>c.Greeter</servlet-class></servlet>
                        </sip-app>
                        """.formatted(name))
                .java("c.Counter", """
                        package c;
                        import jakarta.enterprise.context.ApplicationScoped;
                        @ApplicationScoped
                        public class Counter {
                            private int n;
                            @Counted public int next() { return ++n; }
                        }
                        """)
                .java("c.Counted", """
                        package c;
                        import java.lang.annotation.*;
                        import jakarta.interceptor.InterceptorBinding;
                        @InterceptorBinding
                        @Retention(RetentionPolicy.RUNTIME)
                        @Target({ElementType.TYPE, ElementType.METHOD})
                        public @interface Counted { }
                        """)
                .java("c.CountingInterceptor", """
                        package c;
                        import jakarta.annotation.Priority;
                        import jakarta.interceptor.*;
                        import java.util.concurrent.atomic.AtomicInteger;
                        @Counted @Interceptor @Priority(100)
                        public class CountingInterceptor {
                            public static final AtomicInteger CALLS = new AtomicInteger();
                            @AroundInvoke
                            public Object count(InvocationContext ic) throws Exception {
                                CALLS.incrementAndGet();
                                return ic.proceed();
                            }
                        }
                        """)
                .java("c.Greeter", """
                        package c;
                        import jakarta.annotation.PostConstruct;
                        import jakarta.annotation.PreDestroy;
                        import jakarta.inject.Inject;
                        import jakarta.servlet.ServletContext;
                        import jakarta.servlet.sip.SipFactory;
                        import jakarta.servlet.sip.SipServlet;
                        import java.util.List;
                        import java.util.concurrent.CopyOnWriteArrayList;
                        public class Greeter extends SipServlet {
                            public static final List<String> EVENTS = new CopyOnWriteArrayList<>();
                            @Inject public SipFactory factory;
                            @Inject public Counter counter;
                            @Inject public ServletContext context;
                            @PostConstruct void ready() { EVENTS.add("postConstruct:" + (factory != null)); }
                            @PreDestroy void bye() { EVENTS.add("preDestroy"); }
                            public void init() { EVENTS.add("init:" + counter.next()); }
                        }
                        """)
                .java("c.Clock", """
                        package c;
                        import jakarta.inject.Inject;
                        import jakarta.servlet.sip.ServletTimer;
                        import jakarta.servlet.sip.TimerListener;
                        import jakarta.servlet.sip.TimerService;
                        public class Clock implements TimerListener {
                            @Inject public TimerService timers;
                            @Inject public Counter counter;
                            public void timeout(ServletTimer t) { }
                        }
                        """);
    }

    @BeforeEach
    void setUp() throws Exception {
        Path apps = Files.createDirectories(tmp.resolve("apps"));
        cdiApp("one").writeArchive(apps.resolve("one.sar"), tmp.resolve("s1"));
        cdiApp("two").writeFolder(apps.resolve("two"));
        deployer = new AppDeployer(apps, tmp.resolve("work"), services, registry);
        deployer.start();
    }

    @AfterEach
    void tearDown() {
        deployer.stop();
    }

    private static Object field(Object o, String name) throws Exception {
        return o.getClass().getField(name).get(o);
    }

    @Test
    @SuppressWarnings("unchecked")
    void servletsAndListenersAreInjected() throws Exception {
        DeployedApp one = registry.get("one");
        assertNotNull(one, () -> "failures: " + deployer.failures());
        Servlet greeter = one.servlet("greeter");
        AppServices mine = services.created.stream()
                .filter(s -> s.sipFactory().toString().equals("SipFactory[one]")).findFirst().orElseThrow();
        assertSame(mine.sipFactory(), field(greeter, "factory"));
        assertSame(one.servletContext(), field(greeter, "context"));
        Object counter = field(greeter, "counter");
        assertNotNull(counter);
        assertTrue(counter.getClass().getName().contains("Proxy"), "an @ApplicationScoped bean is a client proxy");
        assertSame(one.classLoader(), counter.getClass().getClassLoader());
        List<String> events = (List<String>) greeter.getClass().getField("EVENTS").get(null);
        assertEquals(List.of("postConstruct:true", "init:1"), events);

        Object clock = one.listeners(TimerListener.class).get(0);
        assertSame(mine.timerService(), field(clock, "timers"));
        assertEquals(2, counter.getClass().getMethod("next").invoke(field(clock, "counter")),
                "the same application-scoped instance is shared within the application");
        Class<?> interceptor = one.classLoader().loadClass("c.CountingInterceptor");
        assertEquals(2, ((java.util.concurrent.atomic.AtomicInteger) interceptor.getField("CALLS").get(null)).get(),
                "interceptors run on application beans");

        deployer.stop();
        assertEquals(List.of("postConstruct:true", "init:1", "preDestroy"), events);
    }

    @Test
    void eachApplicationHasItsOwnContainer() throws Exception {
        DeployedApp one = registry.get("one");
        DeployedApp two = registry.get("two");
        assertNotNull(two, () -> "failures: " + deployer.failures());
        Object c1 = field(one.servlet("greeter"), "counter");
        Object c2 = field(two.servlet("greeter"), "counter");
        assertNotSame(c1.getClass(), c2.getClass());
        assertEquals(2, c2.getClass().getMethod("next").invoke(c2));
    }

    @Test
    void anUnsatisfiedInjectionFailsTheDeploymentWithAReason() throws Exception {
        Path apps = tmp.resolve("apps");
        TestApps.app().java("u.NeedsMissing", """
                package u;
                @jakarta.servlet.sip.annotation.SipServlet
                public class NeedsMissing extends jakarta.servlet.sip.SipServlet {
                    @jakarta.inject.Inject Runnable nothingProvidesThis;
                }
                """).writeFolder(apps.resolve("unsatisfied"));
        deployer.scanNow();
        deployer.scanNow();
        var problem = deployer.failures().get(apps.resolve("unsatisfied"));
        assertNotNull(problem, () -> "failures: " + deployer.failures());
        assertTrue(problem.reason().contains("Runnable"), problem::toString);
        assertNotNull(registry.get("one"));
    }

    @Test
    void severalDeploymentProblemsAreReportedByTheFirstOneAndTheirNumber() throws Exception {
        Path apps = tmp.resolve("apps");
        TestApps.app().java("u.NeedsTwo", """
                package u;
                @jakarta.enterprise.context.Dependent
                public class NeedsTwo {
                    @jakarta.inject.Inject Runnable nothingProvidesThis;
                }
                """).java("u.NeedsThread", """
                package u;
                @jakarta.enterprise.context.Dependent
                public class NeedsThread { @jakarta.inject.Inject Thread nothingProvidesThis; }
                """).java("u.NeedsNumber", """
                package u;
                @jakarta.enterprise.context.Dependent
                public class NeedsNumber { @jakarta.inject.Inject Number nothingProvidesThis; }
                """).java("u.Plain", """
                package u;
                @jakarta.servlet.sip.annotation.SipServlet
                public class Plain extends jakarta.servlet.sip.SipServlet { }
                """).writeFolder(apps.resolve("several"));
        deployer.scanNow();
        deployer.scanNow();
        var problem = deployer.failures().get(apps.resolve("several"));
        assertNotNull(problem, () -> "failures: " + deployer.failures());
        assertTrue(problem.reason().matches(".*WELD-\\d+: .*u\\.(NeedsThread|NeedsNumber|NeedsTwo).* \\(and 2 more problems\\)"),
                problem::toString);
    }

    @Test
    void anUndeployedApplicationCanBeGarbageCollected() throws Exception {
        java.lang.ref.WeakReference<ClassLoader> loader = new java.lang.ref.WeakReference<>(registry.get("one").classLoader());
        deployer.stop();
        for (int i = 0; i < 50 && loader.get() != null; i++) {
            System.gc();
            Thread.sleep(50);
        }
        assertTrue(loader.get() == null, "nothing (Weld, registry, caches) keeps the class loader alive");
    }
}
