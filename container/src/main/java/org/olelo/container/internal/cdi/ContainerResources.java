package org.olelo.container.internal.cdi;

import jakarta.annotation.Resource;
import jakarta.enterprise.inject.spi.InjectionPoint;
import java.lang.reflect.Member;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.jboss.weld.injection.spi.ResourceInjectionServices;
import org.jboss.weld.injection.spi.ResourceReferenceFactory;
import org.jboss.weld.injection.spi.helpers.SimpleResourceReference;

/**
 * Serves {@code @jakarta.annotation.Resource} injection points for Weld, so that servlets,
 * listeners and beans of an application receive the container's objects the Jakarta EE way:
 * <ul>
 * <li>by name, when {@code lookup} or {@code name} is one of the application's names under
 *     {@code java:comp/env} (with or without that prefix): {@code sip/<app-name>/SipFactory},
 *     {@code sip/<app-name>/TimerService}, {@code sip/<app-name>/SipSessionsUtil},
 *     {@code jdbc/default}; the field's type must fit the object;</li>
 * <li>a {@link DataSource} with no name: the default pool;</li>
 * <li>otherwise {@code SipFactory}, {@code TimerService}, {@code SipSessionsUtil}, the managed executor and the context
 *     by type, whatever their name (JSR 289 §18.2 injects them this way).</li>
 * </ul>
 * Any other {@code @Resource} fails the deployment with the class and member at fault.
 *
 * <p>Created per application on the deployer thread; Weld calls it while it validates the
 * application and when it injects instances.
 */
final class ContainerResources implements ResourceInjectionServices {

    /** The prefix of names in an application's environment, which {@code name} may leave out. */
    static final String ENV = "java:comp/env/";

    private final Map<Class<?>, Object> objects;
    private final Map<String, Object> named;

    /**
     * @param objects the application's container objects, by the type they are injected as
     * @param named   the same objects by their name under {@code java:comp/env}
     */
    ContainerResources(Map<Class<?>, Object> objects, Map<String, Object> named) {
        this.objects = new LinkedHashMap<>(objects);
        this.named = new LinkedHashMap<>(named);
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
        Object value = named.get(relative(name));
        if (value == null) {
            throw new IllegalArgumentException("@Resource '" + name + "': no such name; the application's names are "
                    + named.keySet());
        }
        return () -> new SimpleResourceReference<>(value);
    }

    private static String relative(String name) {
        return name.startsWith(ENV) ? name.substring(ENV.length()) : name;
    }

    private Object resolve(Class<?> type, String name, String where) {
        Object byName = named.get(relative(name));
        if (byName != null) {
            if (!type.isInstance(byName)) {
                throw new IllegalArgumentException("@Resource on " + where + ": '" + name + "' names a "
                        + publicType(byName) + ", which is not a " + type.getName());
            }
            return byName;
        }
        if (type == DataSource.class && !name.isEmpty()) {
            throw new IllegalArgumentException("@Resource on " + where + ": no DataSource named '" + name
                    + "'; the container offers jdbc/default (or no name)");
        }
        Object value = objects.get(type);
        if (value == null) {
            throw new IllegalArgumentException("@Resource on " + where + ": the container provides no " + type.getName()
                    + "; it provides " + objects.keySet().stream().map(Class::getSimpleName).toList()
                    + " and the names " + named.keySet());
        }
        return value;
    }

    /** The API type an object is offered as, never the implementation class. */
    private String publicType(Object value) {
        return objects.entrySet().stream().filter(e -> e.getValue() == value).map(e -> e.getKey().getName())
                .findFirst().orElse("container object");
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
        named.clear();
    }
}
