package org.olelo.container.internal.cdi;

import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.InjectionTarget;
import jakarta.servlet.sip.annotation.SipInvocationScoped;
import org.jboss.weld.config.ConfigurationKey;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Weld SE container of one application.
 *
 * <p>Booted and shut down on the deployer thread, with the application's class
 * loader as the thread context class loader (the caller sets it). Instances are
 * created with {@link #create(Class)} on the deployer thread too; the beans
 * themselves are then used from any thread, as CDI allows.
 */
public final class AppCdiContainer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AppCdiContainer.class);
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final WeldContainer weld;
    private final String id;
    private final InvocationContext invocations;

    private AppCdiContainer(WeldContainer weld, String id, InvocationContext invocations) {
        this.weld = weld;
        this.id = id;
        this.invocations = invocations;
    }

    /**
     * Boots a container for one application.
     *
     * @param appName     the application's name; the container id is the name plus a counter
     * @param appLoader   the application's class loader, used to load and proxy its classes
     * @param beanClasses the application classes that may be beans (see {@link BeanClassFilter});
     *                    those without a bean-defining annotation are ignored by Weld
     * @param objects     container objects to expose as {@code @Dependent} beans and as
     *                    {@code @Resource}s (see {@link ContainerResources}), by type
     * @param named       the same objects by their name under {@code java:comp/env}, for
     *                    {@code @Resource(name = ...)} and {@code @Resource(lookup = ...)}
     * @return the running container
     * @throws RuntimeException whatever Weld throws for a definition or deployment error
     */
    public static AppCdiContainer start(String appName, ClassLoader appLoader, Collection<Class<?>> beanClasses,
                                        Map<Class<?>, Object> objects, Map<String, Object> named) {
        String id = appName + "-" + COUNTER.incrementAndGet();
        long t0 = System.nanoTime();
        SipScopesExtension scopes = new SipScopesExtension();
        Weld weld = new Weld(id)
                .disableDiscovery()
                .skipShutdownHook()
                .setClassLoader(appLoader)
                .property(ConfigurationKey.CONCURRENT_DEPLOYMENT.get(), false)
                .addExtension(new SyntheticBeansExtension(objects))
                .addExtension(scopes)
                .addServices(new ContainerResources(objects, named));
        weld.addBeanClasses(beanClasses.toArray(Class<?>[]::new));
        if (beanClasses.isEmpty()) {
            // Weld SE insists on a beans.xml unless the synthetic archive has a class;
            // Object has no bean-defining annotation, so the archive stays empty.
            weld.addBeanClass(Object.class);
        }
        WeldContainer container = weld.initialize();
        LOG.debug("CDI container {} started in {} ms with {} candidate classes", id,
                (System.nanoTime() - t0) / 1_000_000, beanClasses.size());
        boolean invocationBeans = container.getBeanManager().getBeans(Object.class, Any.Literal.INSTANCE).stream()
                .anyMatch(b -> b.getScope() == SipInvocationScoped.class);
        return new AppCdiContainer(container, id, invocationBeans ? scopes.invocations() : null);
    }

    /** @return the container id */
    public String id() {
        return id;
    }

    /**
     * @return the context the container must begin and end around each invocation of the
     *         application's code, or null when the application has no {@code @SipInvocationScoped}
     *         bean (so its invocations cost nothing)
     */
    public InvocationContext invocations() {
        return invocations;
    }

    /** @return the container's bean manager */
    public BeanManager beanManager() {
        return weld.getBeanManager();
    }

    /**
     * Creates a non-contextual instance: constructed, injected and
     * {@code @PostConstruct}-ed by CDI, whether or not its class is a bean.
     *
     * @param type the class to instantiate
     * @param <T>  its type
     * @return the instance and the handle that destroys it
     */
    public <T> Managed<T> create(Class<T> type) {
        BeanManager bm = beanManager();
        AnnotatedType<T> at = bm.createAnnotatedType(type);
        InjectionTarget<T> it = bm.getInjectionTargetFactory(at).createInjectionTarget(null);
        CreationalContext<T> cc = bm.createCreationalContext(null);
        T instance = it.produce(cc);
        it.inject(instance, cc);
        it.postConstruct(instance);
        return new Managed<>(instance, it, cc);
    }

    /** Shuts the container down, destroying its contextual instances. */
    @Override
    public void close() {
        if (weld.isRunning()) {
            weld.shutdown();
        }
    }

    /**
     * A non-contextual instance created by {@link #create(Class)}.
     *
     * @param <T> its type
     */
    public static final class Managed<T> {
        private final T instance;
        private final InjectionTarget<T> target;
        private final CreationalContext<T> context;

        private Managed(T instance, InjectionTarget<T> target, CreationalContext<T> context) {
            this.instance = instance;
            this.target = target;
            this.context = context;
        }

        /** @return the instance */
        public T get() {
            return instance;
        }

        /** Calls {@code @PreDestroy} and releases the instance's dependent objects. */
        public void destroy() {
            try {
                target.preDestroy(instance);
                target.dispose(instance);
            } finally {
                context.release();
            }
        }
    }
}
