package org.olelo.container.internal.deploy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the container knows about one application from its sip.xml and
 * its annotations. The parser returns one for sip.xml alone (fields not given
 * are null or empty); {@link DescriptorMerger} combines it with the annotations
 * into the final one that {@link DeployedApp#descriptor()} exposes.
 *
 * <p>Immutable value; built on the deployer thread, read from any thread.
 *
 * @param appName               the application name, or null when not given
 * @param displayName           the display name, or null
 * @param description           the description, or null
 * @param distributable         whether {@code <distributable/>} was given
 * @param contextParams         context parameters, in declaration order
 * @param listenerClasses       listener classes, in declaration order
 * @param servlets              servlets, in declaration order
 * @param mainServlet           the main servlet's name, or null
 * @param mappings              servlet mappings, in declaration order
 * @param proxyTimeoutSeconds   the proxy timeout, or null when not given
 * @param sessionTimeoutMinutes the application session timeout, or null when not given
 * @param securityConstraints   security constraints, in declaration order
 * @param loginConfig           the login configuration, or null
 * @param securityRoles         declared security roles
 */
public record AppDescriptor(String appName, String displayName, String description, boolean distributable,
                            Map<String, String> contextParams, List<String> listenerClasses,
                            List<ServletDef> servlets, String mainServlet, List<ServletMapping> mappings,
                            Integer proxyTimeoutSeconds, Integer sessionTimeoutMinutes,
                            List<SecurityConstraintDef> securityConstraints, LoginConfigDef loginConfig,
                            List<String> securityRoles) {

    /** Timeout of application sessions when neither sip.xml nor annotations give one. */
    public static final int DEFAULT_SESSION_TIMEOUT_MINUTES = 3;
    /** Proxy timeout when neither sip.xml nor annotations give one. */
    public static final int DEFAULT_PROXY_TIMEOUT_SECONDS = 180;

    /** Freezes the collections. */
    public AppDescriptor {
        contextParams = Collections.unmodifiableMap(new LinkedHashMap<>(contextParams));
        listenerClasses = List.copyOf(listenerClasses);
        servlets = List.copyOf(servlets);
        mappings = List.copyOf(mappings);
        securityConstraints = List.copyOf(securityConstraints);
        securityRoles = List.copyOf(securityRoles);
    }

    /** @return a descriptor that says nothing (an application without sip.xml) */
    public static AppDescriptor empty() {
        return new AppDescriptor(null, null, null, false, Map.of(), List.of(), List.of(), null, List.of(),
                null, null, List.of(), null, List.of());
    }

    /** @return the servlet of that name */
    public Optional<ServletDef> servlet(String name) {
        return servlets.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** @return the session timeout, or the default of 3 minutes */
    public int effectiveSessionTimeoutMinutes() {
        return sessionTimeoutMinutes != null ? sessionTimeoutMinutes : DEFAULT_SESSION_TIMEOUT_MINUTES;
    }

    /** @return the proxy timeout, or the default of 180 seconds */
    public int effectiveProxyTimeoutSeconds() {
        return proxyTimeoutSeconds != null ? proxyTimeoutSeconds : DEFAULT_PROXY_TIMEOUT_SECONDS;
    }
}
