package org.olelo.container.internal.security;

import jakarta.servlet.sip.annotation.security.SipMethodConstraint;
import jakarta.servlet.sip.annotation.security.SipSecurity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.olelo.container.internal.deploy.AppDescriptor;
import org.olelo.container.internal.deploy.SecurityConstraintDef;

/**
 * Finds what the security constraints of an application demand of a request to one servlet.
 *
 * <p>Sources, as JSR 359 and the Servlet specification combine them:
 * <ul>
 * <li>sip.xml {@code <security-constraint>}s whose resource collection names the servlet (or no
 *     servlet: all) and the method (or no method: all). When sip.xml constrains a servlet for any
 *     method, its annotations are ignored. Several matching constraints combine as in Servlet 6.1
 *     §13.8.1: one with an empty {@code <auth-constraint/>} refuses everyone; else one without
 *     {@code <auth-constraint>} lets everyone in; else the roles are united. {@code *} stands for
 *     the application's declared security roles (sip.xml {@code <security-role>} and
 *     {@code ServletContext.declareRoles}) (any authenticated user when it declares none),
 *     {@code **} for any authenticated user.</li>
 * <li>otherwise {@code @SipSecurity} on the servlet class: the {@code @SipMethodConstraint} of the
 *     method, else the default {@code @SipConstraint}. Named roles demand authentication; no roles
 *     mean {@code PERMIT} (no constraint) or {@code DENY} (refuse everyone).</li>
 * </ul>
 * The transport guarantee is not enforced (Olelo has no TLS listening point yet).
 *
 * <p>Stateless; any thread.
 */
final class ConstraintResolver {

    private ConstraintResolver() {
    }

    /**
     * @param d            the application's merged descriptor
     * @param roles        the application's security roles (sip.xml and {@code declareRoles})
     * @param servletName  the servlet's name
     * @param servletClass the servlet's class (for {@code @SipSecurity})
     * @param method       the request method
     * @return what the request must satisfy
     */
    static SecurityRequirement resolve(AppDescriptor d, List<String> roles, String servletName, Class<?> servletClass,
                                       String method) {
        boolean xmlCoversServlet = false;
        List<SecurityConstraintDef> matching = new ArrayList<>();
        for (SecurityConstraintDef c : d.securityConstraints()) {
            for (SecurityConstraintDef.ResourceCollection rc : c.resources()) {
                if (rc.servletNames().isEmpty() || rc.servletNames().contains(servletName)) {
                    xmlCoversServlet = true;
                    if (rc.methods().isEmpty() || rc.methods().contains(method)) {
                        matching.add(c);
                        break;
                    }
                }
            }
        }
        if (xmlCoversServlet) {
            return combine(matching, roles);
        }
        SipSecurity s = servletClass.getAnnotation(SipSecurity.class);
        return s == null ? SecurityRequirement.NONE : fromAnnotation(s, method, roles);
    }

    private static SecurityRequirement combine(List<SecurityConstraintDef> matching, List<String> declared) {
        if (matching.isEmpty()) {
            return SecurityRequirement.NONE;
        }
        Set<String> roles = new LinkedHashSet<>();
        boolean proxy = false;
        boolean unauthenticatedAllowed = false;
        for (SecurityConstraintDef c : matching) {
            if (c.roles() == null) {
                unauthenticatedAllowed = true;
            } else if (c.roles().isEmpty()) {
                return SecurityRequirement.DENY;
            } else {
                roles.addAll(c.roles());
                proxy |= c.proxyAuthentication();
            }
        }
        return unauthenticatedAllowed ? SecurityRequirement.NONE : authenticate(roles, proxy, declared);
    }

    private static SecurityRequirement fromAnnotation(SipSecurity s, String method, List<String> declared) {
        for (SipMethodConstraint m : s.sipMethodConstraints()) {
            if (m.value().equals(method)) {
                return fromRoles(m.rolesAllowed(), m.emptyRoleSemantic(), m.proxyAuthentication(), declared);
            }
        }
        return fromRoles(s.value().rolesAllowed(), s.value().value(), s.value().proxyAuthentication(), declared);
    }

    private static SecurityRequirement fromRoles(String[] roles, SipSecurity.EmptyRoleSemantic empty, boolean proxy,
                                                 List<String> declared) {
        if (roles.length == 0) {
            return empty == SipSecurity.EmptyRoleSemantic.DENY ? SecurityRequirement.DENY : SecurityRequirement.NONE;
        }
        return authenticate(new LinkedHashSet<>(List.of(roles)), proxy, declared);
    }

    private static SecurityRequirement authenticate(Set<String> roles, boolean proxy, List<String> declared) {
        if (roles.contains("**") || roles.contains("*") && declared.isEmpty()) {
            return new SecurityRequirement(SecurityRequirement.Kind.AUTHENTICATE, Set.of(), proxy);
        }
        if (roles.remove("*")) {
            roles.addAll(declared);
        }
        return new SecurityRequirement(SecurityRequirement.Kind.AUTHENTICATE, roles, proxy);
    }
}
