package org.olelo.container.internal.cdi;

import jakarta.annotation.Resource;
import jakarta.enterprise.inject.spi.InjectionPoint;
import java.lang.reflect.Member;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.jboss.weld.injection.spi.ResourceInjectionServices;
import org.jboss.weld.injection.spi.ResourceReferenceFactory;
import org.jboss.weld.injection.spi.helpers.SimpleResourceReference;

/**
 * Serves {@code @jakarta.annotation.Resource} injection points for Weld, so that servlets,
 * listeners and beans of an application receive the container's objects the Jakarta EE way:
 * <ul>
 * <li>a {@link DataSource} with no name, or named {@code jdbc/default} (also written
 *     {@code java:comp/env/jdbc/default}, in {@code name} or {@code lookup}): the default pool;</li>
 * <li>{@code SipFactory}, {@code TimerService}, {@code SipSessionsUtil} and the context, by type,
 *     whatever their name (JSR 289 §18.2 injects them this way).</li>
 * </ul>
 * Any other {@code @Resource} fails the deployment with the class and member at fault.
 *
 * <p>Created per application on the deployer thread; Weld calls it while it validates the
 * application and when it injects instances.
 */
final class ContainerResources implements ResourceInjectionServices {

    /** The names under which the default pool is found. */
    static final Set<String> DATA_SOURCE_NAMES = Set.of("", "jdbc/default", "java:comp/env/jdbc/default");

    private final Map<Class<?>, Object> objects;

    /** @param objects the application's container objects, by the type they are injected as */
    ContainerResources(Map<Class<?>, Object> objects) {
        this.objects = new LinkedHashMap<>(objects);
    }

    @Override
    public ResourceReferenceFactory<Object> registerResourceInjectionPoint(InjectionPoint ip) {
        Resource r = ip.getAnnotated().getAnnotation(Resource.class);
        Member m = ip.getMember();
        String where = m == null ? String.valueOf(ip) : m.getDeclaringClass().getName() + "." + m.getName();
        Class<?> type = raw(ip.getType());
        String name = r == null ? "" : !r.lookup().isEmpty() ? r.lookup() : r.name();
        Object value = resolve(type, name, where);
        return () -> new SimpleResourceReference<>(value);
    }

    @Override
    public ResourceReferenceFactory<Object> registerResourceInjectionPoint(String jndiName, String mappedName) {
        String name = jndiName == null ? "" : jndiName;
        if (!DATA_SOURCE_NAMES.contains(name) || objects.get(DataSource.class) == null) {
            throw new IllegalArgumentException("@Resource '" + name + "': only jdbc/default (the container's"
                    + " DataSource) can be looked up by name");
        }
        Object ds = objects.get(DataSource.class);
        return () -> new SimpleResourceReference<>(ds);
    }

    private Object resolve(Class<?> type, String name, String where) {
        if (type == DataSource.class) {
            if (!DATA_SOURCE_NAMES.contains(name)) {
                throw new IllegalArgumentException("@Resource on " + where + ": no DataSource named '" + name
                        + "'; the container offers jdbc/default (or no name)");
            }
        }
        Object value = objects.get(type);
        if (value == null) {
            throw new IllegalArgumentException("@Resource on " + where + ": the container provides no " + type.getName()
                    + "; it provides " + objects.keySet().stream().map(Class::getSimpleName).toList());
        }
        return value;
    }

    private static Class<?> raw(Type t) {
        if (t instanceof Class<?> c) {
            return c;
        }
        if (t instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        return Object.class;
    }

    @Override
    public void cleanup() {
        objects.clear();
    }
}
