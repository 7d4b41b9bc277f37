package org.olelo.container.internal.deploy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One servlet of an application, from a {@code <servlet>} element or a
 * {@code @SipServlet} annotation.
 *
 * <p>Immutable value; any thread.
 *
 * @param name          the servlet name, unique in the application
 * @param className     the fully qualified servlet class
 * @param initParams    init parameters in declaration order
 * @param loadOnStartup the start-up order; negative when not given
 * @param description   free text, or null
 */
public record ServletDef(String name, String className, Map<String, String> initParams, int loadOnStartup,
                         String description) {

    /** Validates and freezes the components. */
    public ServletDef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(className, "className");
        initParams = Collections.unmodifiableMap(new LinkedHashMap<>(initParams));
    }
}
