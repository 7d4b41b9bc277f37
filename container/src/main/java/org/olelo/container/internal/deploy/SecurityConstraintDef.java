package org.olelo.container.internal.deploy;

import java.util.List;

/**
 * A {@code <security-constraint>} of sip.xml, kept as parsed for the
 * authentication code that will enforce it.
 *
 * <p>Immutable value; any thread.
 *
 * @param displayName         free text, or null
 * @param resources           the protected resource collections
 * @param proxyAuthentication true when {@code <proxy-authentication/>} asks for 407 instead of 401
 * @param roles               the roles of {@code <auth-constraint>}; null when there is no auth-constraint,
 *                            empty when it allows nobody
 * @param transportGuarantee  NONE, INTEGRAL, CONFIDENTIAL, or null
 */
public record SecurityConstraintDef(String displayName, List<ResourceCollection> resources,
                                    boolean proxyAuthentication, List<String> roles, String transportGuarantee) {

    /** Freezes the lists. */
    public SecurityConstraintDef {
        resources = List.copyOf(resources);
        roles = roles == null ? null : List.copyOf(roles);
    }

    /**
     * A {@code <resource-collection>}: servlets and SIP methods protected together.
     *
     * @param name         the collection name, or null
     * @param servletNames the servlets; empty means all
     * @param methods      the SIP methods; empty means all
     */
    public record ResourceCollection(String name, List<String> servletNames, List<String> methods) {

        /** Freezes the lists. */
        public ResourceCollection {
            servletNames = List.copyOf(servletNames);
            methods = List.copyOf(methods);
        }
    }
}
