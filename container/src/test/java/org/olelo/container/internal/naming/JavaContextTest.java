package org.olelo.container.internal.naming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import javax.naming.Binding;
import javax.naming.Context;
import javax.naming.InitialContext;
import javax.naming.NameClassPair;
import javax.naming.NameNotFoundException;
import javax.naming.NamingEnumeration;
import javax.naming.NotContextException;
import javax.naming.OperationNotSupportedException;
import javax.naming.spi.InitialContextFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code java:} names as application code sees them through a plain {@code InitialContext}:
 * resolved by the thread's context class loader, read-only, listable, kept by the contexts they
 * return, gone once unbound; an environment that names its own factory still gets it.
 */
class JavaContextTest {

    private final URLClassLoader appLoader = new URLClassLoader("app:a", new URL[0], getClass().getClassLoader());
    private final Object factory = new Object();
    private final Object timers = new Object();

    @AfterEach
    void unbind() throws Exception {
        AppNamespaces.unbind(appLoader);
        appLoader.close();
    }

    private void bind() {
        AppNamespaces.bind(appLoader, Map.of("sip/a/SipFactory", factory, "sip/a/TimerService", timers,
                "jdbc/default", "pool"));
    }

    /** Runs code with a context class loader, as the container runs application code. */
    private static <T> T as(ClassLoader loader, Callable<T> code) throws Exception {
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        t.setContextClassLoader(loader);
        try {
            return code.call();
        } finally {
            t.setContextClassLoader(before);
        }
    }

    @Test
    void theCallingApplicationFindsItsObjectsAlsoUnderALoaderOfItsOwn() throws Exception {
        bind();
        assertSame(factory, as(appLoader, () -> new InitialContext().lookup("java:comp/env/sip/a/SipFactory")));
        try (URLClassLoader child = new URLClassLoader(new URL[0], appLoader)) {
            assertSame(timers, as(child, () -> new InitialContext().lookup("java:comp/env/sip/a/TimerService")));
        }
        Context env = as(appLoader, () -> (Context) new InitialContext().lookup("java:comp/env"));
        assertEquals("java:comp/env", env.getNameInNamespace());
        assertSame(factory, env.lookup("sip/a/SipFactory"));
        assertSame(factory, env.lookup("sip//a/SipFactory/"), "empty components are ignored");
        assertSame(timers, env.lookup("java:comp/env/sip/a/TimerService"), "absolute names work from any context");
        assertSame(factory, ((Context) env.lookup("sip/a")).lookup("SipFactory"));
        AtomicReference<Object> elsewhere = new AtomicReference<>();
        Thread other = new Thread(() -> {
            try {
                elsewhere.set(env.lookup("jdbc/default"));
            } catch (Exception e) {
                elsewhere.set(e);
            }
        });
        other.setContextClassLoader(ClassLoader.getPlatformClassLoader());
        other.start();
        other.join();
        assertEquals("pool", elsewhere.get(), "a context keeps its application on any thread");
    }

    @Test
    void unknownNamesRelativeNamesAndThreadsWithoutApplicationFindNothing() throws Exception {
        bind();
        NameNotFoundException unknown = assertThrows(NameNotFoundException.class,
                () -> as(appLoader, () -> new InitialContext().lookup("java:comp/env/sip/b/SipFactory")));
        assertTrue(unknown.getMessage().contains("sip/a/SipFactory"), "the message lists the names: " + unknown);
        NameNotFoundException relative = assertThrows(NameNotFoundException.class,
                () -> as(appLoader, () -> new InitialContext().lookup("sip/a/SipFactory")));
        assertTrue(relative.getMessage().contains("java:comp/env/sip/a/SipFactory"), relative.getMessage());
        assertThrows(NameNotFoundException.class, () -> as(ClassLoader.getPlatformClassLoader(),
                () -> new InitialContext().lookup("java:comp/env/sip/a/SipFactory")));
        assertThrows(NameNotFoundException.class,
                () -> as(appLoader, () -> new InitialContext().lookup("nosuchscheme:thing")));
        AppNamespaces.unbind(appLoader);
        assertThrows(NameNotFoundException.class,
                () -> as(appLoader, () -> new InitialContext().lookup("java:comp/env/sip/a/SipFactory")));
    }

    @Test
    void namesAreListedAndReadOnly() throws Exception {
        bind();
        Context env = as(appLoader, () -> (Context) new InitialContext().lookup("java:comp/env"));
        List<String> listed = new ArrayList<>();
        for (NamingEnumeration<NameClassPair> e = env.list(""); e.hasMore(); ) {
            NameClassPair p = e.next();
            listed.add(p.getName() + "=" + p.getClassName());
        }
        assertEquals(List.of("jdbc=" + Context.class.getName(), "sip=" + Context.class.getName()), listed);
        List<String> bound = new ArrayList<>();
        for (NamingEnumeration<Binding> e = env.listBindings("sip/a"); e.hasMore(); ) {
            Binding b = e.next();
            bound.add(b.getName());
            assertSame(b.getName().equals("SipFactory") ? factory : timers, b.getObject());
        }
        assertEquals(List.of("SipFactory", "TimerService"), bound);
        assertThrows(NotContextException.class, () -> env.list("jdbc/default"));
        assertThrows(OperationNotSupportedException.class, () -> env.bind("x", "y"));
        assertThrows(OperationNotSupportedException.class, () -> env.unbind("jdbc/default"));
        assertThrows(OperationNotSupportedException.class, () -> env.createSubcontext("x"));
        assertEquals("pool", env.lookup("jdbc/default"), "nothing changed");
    }

    @Test
    void anEnvironmentThatNamesItsOwnFactoryGetsIt() throws Exception {
        bind();
        Hashtable<String, Object> environment = new Hashtable<>();
        environment.put(Context.INITIAL_CONTEXT_FACTORY, Fixed.class.getName());
        assertEquals("fixed:java:comp/env/sip/a/SipFactory",
                as(appLoader, () -> new InitialContext(environment).lookup("java:comp/env/sip/a/SipFactory")));
    }

    /** A factory of contexts that answer every look-up with the name they were asked. */
    public static final class Fixed implements InitialContextFactory {
        @Override
        public Context getInitialContext(Hashtable<?, ?> environment) {
            return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class},
                    (proxy, method, args) -> method.getName().equals("lookup") ? "fixed:" + args[0] : null);
        }
    }
}
