package org.olelo.container.internal.cdi;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Portable extension that adds one {@code @Dependent} bean per container-provided
 * object (the application's SipFactory, TimerService, …) so that application
 * code can {@code @Inject} them. Runs on the thread that boots Weld (the deployer
 * thread).
 */
public final class SyntheticBeansExtension implements Extension {

    private final Map<Class<?>, Object> objects;

    /** @param objects the objects to expose, by the type they are injected as */
    public SyntheticBeansExtension(Map<Class<?>, Object> objects) {
        this.objects = new LinkedHashMap<>(objects);
    }

    void addBeans(@Observes AfterBeanDiscovery abd) {
        objects.forEach((type, object) -> abd.addBean()
                .beanClass(type)
                .types(type, Object.class)
                .scope(Dependent.class)
                .createWith(cc -> object));
    }
}
