package org.olelo.container.internal.cdi;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.servlet.sip.annotation.SipInvocationScoped;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The container begins and ends invocations only for an application that has an
 * {@code @SipInvocationScoped} bean: the others get no invocation context, so their messages pay
 * nothing for the scope. With one, a bean used between {@code begin} and {@code end} is one
 * instance, and outside them its proxy throws {@code ContextNotActiveException}.
 */
class InvocationScopeWiringTest {

    /** An application-scoped bean: no invocation scope needed. */
    @ApplicationScoped
    public static class Plain {
        public int answer() {
            return 42;
        }
    }

    /** An invocation-scoped bean. */
    @SipInvocationScoped
    public static class PerCall {
        private final Object identity = new Object();

        public Object identity() {
            return identity;
        }
    }

    private static AppCdiContainer boot(Class<?>... beans) {
        return AppCdiContainer.start("wiring", InvocationScopeWiringTest.class.getClassLoader(), List.of(beans),
                Map.of(), Map.of());
    }

    @Test
    void anApplicationWithoutInvocationScopedBeansGetsNoInvocationContext() {
        try (AppCdiContainer cdi = boot(Plain.class)) {
            assertNull(cdi.invocations());
        }
    }

    @Test
    void anApplicationWithOneGetsItsInvocationContext() {
        try (AppCdiContainer cdi = boot(Plain.class, PerCall.class)) {
            InvocationContext ctx = cdi.invocations();
            assertNotNull(ctx);
            PerCall bean = cdi.beanManager().createInstance().select(PerCall.class).get();
            assertThrows(ContextNotActiveException.class, bean::identity);
            boolean started = ctx.begin();
            Object first = bean.identity();
            assertSame(first, bean.identity(), "one instance within the invocation");
            ctx.end(started);
            started = ctx.begin();
            Object second = bean.identity();
            ctx.end(started);
            assertNotSame(first, second, "a new instance for the next invocation");
        }
    }
}
