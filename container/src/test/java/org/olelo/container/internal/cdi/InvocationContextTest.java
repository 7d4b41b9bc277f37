package org.olelo.container.internal.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.spi.Contextual;
import jakarta.enterprise.context.spi.CreationalContext;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The invocation context on its own: what begin and end do to instances, nesting, use outside an
 * invocation, and that an invocation which uses no bean allocates nothing (the cost every
 * message pays in an application that has invocation-scoped beans).
 */
class InvocationContextTest {

    /** A bean that counts its instances and records their destruction. */
    static final class Numbered implements Contextual<StringBuilder> {
        int made;
        final List<String> destroyed = new ArrayList<>();

        @Override
        public StringBuilder create(CreationalContext<StringBuilder> cc) {
            return new StringBuilder("n" + ++made);
        }

        @Override
        public void destroy(StringBuilder instance, CreationalContext<StringBuilder> cc) {
            destroyed.add(instance.toString());
        }
    }

    @Test
    void oneInstancePerInvocationDestroyedAtItsEndAndSharedByNestedOnes() {
        InvocationContext ctx = new InvocationContext();
        Numbered bean = new Numbered();
        assertFalse(ctx.isActive());
        assertThrows(ContextNotActiveException.class, () -> ctx.get(bean, null));

        boolean outer = ctx.begin();
        assertTrue(outer);
        assertNull(ctx.get(bean), "no instance before the first use");
        StringBuilder first = ctx.get(bean, null);
        boolean nested = ctx.begin();
        assertFalse(nested, "a nested invocation does not start a new one");
        assertSame(first, ctx.get(bean, null));
        ctx.end(nested);
        assertSame(first, ctx.get(bean), "the nested end leaves the outer invocation's instances");
        ctx.end(outer);
        assertEquals(List.of("n1"), bean.destroyed);
        assertFalse(ctx.isActive());

        boolean next = ctx.begin();
        assertEquals("n2", ctx.get(bean, null).toString());
        ctx.end(next);
        assertEquals(List.of("n1", "n2"), bean.destroyed);
    }

    @Test
    void anInvocationWithoutBeansAllocatesNothing() {
        InvocationContext ctx = new InvocationContext();
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().threadId();
        for (int i = 0; i < 20_000; i++) {
            ctx.end(ctx.begin());
        }
        long before = mx.getThreadAllocatedBytes(id);
        for (int i = 0; i < 100_000; i++) {
            ctx.end(ctx.begin());
        }
        long allocated = mx.getThreadAllocatedBytes(id) - before;
        assertTrue(allocated < 10_000, allocated + " bytes for 100000 invocations");
    }
}
