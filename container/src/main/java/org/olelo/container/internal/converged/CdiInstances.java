package org.olelo.container.internal.converged;

import io.undertow.servlet.api.ClassIntrospecter;
import io.undertow.servlet.api.InstanceFactory;
import io.undertow.servlet.api.InstanceHandle;
import java.util.function.Function;

/**
 * Lets Undertow create the application's HTTP servlets, filters and listeners through the
 * application's CDI container, so that they get {@code @Inject} and {@code @Resource} from the same
 * beans as its SIP servlets. The instances are destroyed ({@code @PreDestroy}) with the application,
 * so Undertow's release does nothing. Called by Undertow on the deployer thread.
 */
final class CdiInstances implements ClassIntrospecter {

    private final Function<Class<?>, Object> create;

    /** @param create creates an injected instance of an application class */
    CdiInstances(Function<Class<?>, Object> create) {
        this.create = create;
    }

    @Override
    public <T> InstanceFactory<T> createInstanceFactory(Class<T> clazz) {
        return () -> {
            T instance;
            try {
                instance = clazz.cast(create.apply(clazz));
            } catch (RuntimeException e) {
                InstantiationException ie = new InstantiationException(clazz.getName() + ": " + e.getMessage());
                ie.initCause(e);
                throw ie;
            }
            return new InstanceHandle<>() {
                @Override
                public T getInstance() {
                    return instance;
                }

                @Override
                public void release() {
                    // destroyed with the application's other managed instances
                }
            };
        };
    }
}
