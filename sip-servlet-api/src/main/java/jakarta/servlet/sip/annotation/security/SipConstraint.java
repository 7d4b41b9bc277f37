package jakarta.servlet.sip.annotation.security;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A security constraint that applies to every SIP method without a constraint of its own. It is
 * used only as the value of {@link SipSecurity}.
 */
@Documented
@Target({})
@Retention(RetentionPolicy.RUNTIME)
public @interface SipConstraint {

    /**
     * What to do when {@link #rolesAllowed()} is empty.
     *
     * @return the semantic of an empty role list
     */
    SipSecurity.EmptyRoleSemantic value() default SipSecurity.EmptyRoleSemantic.PERMIT;

    /**
     * The roles whose members may send the requests.
     *
     * @return the role names, possibly empty
     */
    String[] rolesAllowed() default {};

    /**
     * The protection required from the transport.
     *
     * @return the transport guarantee
     */
    SipSecurity.TransportGuarantee transportGuarantee() default SipSecurity.TransportGuarantee.NONE;

    /**
     * Whether the caller is challenged as a proxy would (407 and {@code Proxy-Authorization})
     * rather than as a user agent (401 and {@code Authorization}).
     *
     * @return {@code true} for proxy authentication
     */
    boolean proxyAuthentication() default false;
}
