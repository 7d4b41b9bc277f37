package org.olelo.container.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.servlet.sip.annotation.security.SipConstraint;
import jakarta.servlet.sip.annotation.security.SipMethodConstraint;
import jakarta.servlet.sip.annotation.security.SipSecurity;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.olelo.container.internal.deploy.AppDescriptor;
import org.olelo.container.internal.deploy.SecurityConstraintDef;
import org.olelo.container.internal.deploy.SecurityConstraintDef.ResourceCollection;

/** How sip.xml constraints combine and how {@code @SipSecurity} is read. */
class ConstraintResolverTest {

    private static SecurityConstraintDef constraint(List<String> servlets, List<String> methods, List<String> roles,
                                                    boolean proxy) {
        return new SecurityConstraintDef(null, List.of(new ResourceCollection(null, servlets, methods)), proxy, roles, null);
    }

    private static AppDescriptor app(List<String> declaredRoles, SecurityConstraintDef... constraints) {
        return new AppDescriptor("a", null, null, false, Map.of(), List.of(), List.of(), null, List.of(), null, null,
                List.of(constraints), null, declaredRoles);
    }

    private static SecurityRequirement resolve(AppDescriptor d, String method) {
        return ConstraintResolver.resolve(d, d.securityRoles(), "s", Object.class, method);
    }

    @Test
    void sipXmlConstraintsCombineAsServletConstraintsDo() {
        AppDescriptor d = app(List.of("x", "y"),
                constraint(List.of("s"), List.of("REGISTER"), List.of("a"), false),
                constraint(List.of(), List.of("REGISTER", "INVITE"), List.of("b"), true),
                constraint(List.of("s"), List.of("MESSAGE"), List.of(), false),
                constraint(List.of("s"), List.of("INVITE"), null, false),
                constraint(List.of("s"), List.of("SUBSCRIBE"), List.of("*"), false));
        SecurityRequirement reg = resolve(d, "REGISTER");
        assertEquals(SecurityRequirement.Kind.AUTHENTICATE, reg.kind());
        assertEquals(Set.of("a", "b"), reg.roles());
        assertEquals(true, reg.proxy());
        assertEquals(SecurityRequirement.DENY, resolve(d, "MESSAGE"), "an empty auth-constraint refuses everyone");
        assertEquals(SecurityRequirement.NONE, resolve(d, "INVITE"), "no auth-constraint lets everyone in");
        assertEquals(SecurityRequirement.NONE, resolve(d, "OPTIONS"));
        assertEquals(Set.of("x", "y"), resolve(d, "SUBSCRIBE").roles(), "* means the declared roles");
        assertEquals(SecurityRequirement.NONE, ConstraintResolver.resolve(d, d.securityRoles(), "t", Object.class, "MESSAGE"),
                "constraints naming another servlet do not apply");
    }

    @SipSecurity(value = @SipConstraint(rolesAllowed = "staff", proxyAuthentication = true),
            sipMethodConstraints = {@SipMethodConstraint(value = "OPTIONS"),
                @SipMethodConstraint(value = "BYE", emptyRoleSemantic = SipSecurity.EmptyRoleSemantic.DENY)})
    static final class Annotated {
    }

    @Test
    void sipSecurityAppliesWhenSipXmlSaysNothingAboutTheServlet() {
        AppDescriptor none = app(List.of());
        SecurityRequirement invite = ConstraintResolver.resolve(none, none.securityRoles(), "s", Annotated.class, "INVITE");
        assertEquals(new SecurityRequirement(SecurityRequirement.Kind.AUTHENTICATE, Set.of("staff"), true), invite);
        assertEquals(SecurityRequirement.NONE, ConstraintResolver.resolve(none, none.securityRoles(), "s", Annotated.class, "OPTIONS"));
        assertEquals(SecurityRequirement.DENY, ConstraintResolver.resolve(none, none.securityRoles(), "s", Annotated.class, "BYE"));
        AppDescriptor xml = app(List.of(), constraint(List.of("s"), List.of("REGISTER"), List.of("a"), false));
        assertEquals(SecurityRequirement.NONE, ConstraintResolver.resolve(xml, xml.securityRoles(), "s", Annotated.class, "INVITE"),
                "sip.xml constraining the servlet overrides its annotations");
    }
}
