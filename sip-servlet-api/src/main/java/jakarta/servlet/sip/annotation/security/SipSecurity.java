package jakarta.servlet.sip.annotation.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the security constraints of a SIP servlet class: a default constraint for every SIP
 * method and optional constraints for particular methods that override it.
 */
@Inherited
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface SipSecurity {

    /**
     * What happens to a request when the list of allowed roles is empty.
     */
    enum EmptyRoleSemantic {
        /** Every request is refused. */
        DENY,
        /** Every request is let through without authorization check. */
        PERMIT
    }

    /**
     * The protection the transport must give to the messages.
     */
    enum TransportGuarantee {
        /** Messages must travel over a transport that keeps them confidential, such as TLS. */
        CONFIDENTIAL,
        /** No transport protection is required. */
        NONE
    }

    /**
     * The constraint applied to SIP methods that have no constraint of their own.
     *
     * @return the default constraint
     */
    SipConstraint value() default @SipConstraint;

    /**
     * Constraints for particular SIP methods.
     *
     * @return the per-method constraints, possibly empty
     */
    SipMethodConstraint[] sipMethodConstraints() default {};
}
