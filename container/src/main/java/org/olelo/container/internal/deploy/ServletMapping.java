package org.olelo.container.internal.deploy;

import java.util.Objects;

/**
 * A {@code <servlet-mapping>}: the servlet that receives initial requests matching the rule.
 *
 * <p>Immutable value; any thread.
 *
 * @param servletName the servlet's name
 * @param rule        the pattern
 * @param line        the line of the mapping in sip.xml
 */
public record ServletMapping(String servletName, MappingRule rule, int line) {

    /** Validates the components. */
    public ServletMapping {
        Objects.requireNonNull(servletName, "servletName");
        Objects.requireNonNull(rule, "rule");
    }
}
