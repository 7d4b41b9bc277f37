package org.olelo.container.internal.naming;

import java.util.Hashtable;
import javax.naming.Context;
import javax.naming.NamingException;
import javax.naming.NoInitialContextException;
import javax.naming.spi.InitialContextFactory;
import javax.naming.spi.InitialContextFactoryBuilder;

/**
 * Olelo's JNDI provider, installed in the JVM once: every {@code InitialContext} asks it for its
 * factory. One that names a factory in its environment ({@code java.naming.factory.initial}, also
 * from the system property or a {@code jndi.properties}) gets that class, loaded by the calling
 * thread's context class loader, as without a provider; any other gets the container's
 * {@link JavaContext}, which resolves {@code java:} names for the calling application. Any thread.
 */
final class ContainerNamingBuilder implements InitialContextFactoryBuilder {

    @Override
    public InitialContextFactory createInitialContextFactory(Hashtable<?, ?> environment) throws NamingException {
        Object named = environment == null ? null : environment.get(Context.INITIAL_CONTEXT_FACTORY);
        if (named instanceof String className && !className.isBlank()) {
            return named(className.trim());
        }
        return JavaContext::root;
    }

    private static InitialContextFactory named(String className) throws NamingException {
        ClassLoader tccl = Thread.currentThread().getContextClassLoader();
        try {
            ClassLoader loader = tccl != null ? tccl : ContainerNamingBuilder.class.getClassLoader();
            Class<?> c = Class.forName(className, true, loader);
            return (InitialContextFactory) c.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
            NoInitialContextException ne = new NoInitialContextException("cannot instantiate initial context factory "
                    + className);
            ne.setRootCause(e);
            throw ne;
        }
    }
}
