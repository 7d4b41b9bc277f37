package jakarta.servlet.sip.annotation.security;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A security constraint for one SIP method. It is used only inside
 * {@link SipSecurity#sipMethodConstraints()}.
 */
@Documented
@Target({})
@Retention(RetentionPolicy.RUNTIME)
public @interface SipMethodConstraint {

    /**
     * The SIP method the constraint applies to, for instance {@code "INVITE"}.
     *
     * @return the method name
     */
    String value();

    /**
     * What to do when {@link #rolesAllowed()} is empty.
     *
     * @return the semantic of an empty role list
     */
    SipSecurity.EmptyRoleSemantic emptyRoleSemantic() default SipSecurity.EmptyRoleSemantic.PERMIT;

    /**
     * The protection required from the transport.
     *
     * @return the transport guarantee
     */
    SipSecurity.TransportGuarantee transportGuarantee() default SipSecurity.TransportGuarantee.NONE;

    /**
     * Whether the caller is challenged as a proxy would rather than as a user agent.
     *
     * @return {@code true} for proxy authentication
     */
    boolean proxyAuthentication() default false;

    /**
     * The roles whose members may send requests of this method.
     *
     * @return the role names, possibly empty
     */
    String[] rolesAllowed() default {};
}
