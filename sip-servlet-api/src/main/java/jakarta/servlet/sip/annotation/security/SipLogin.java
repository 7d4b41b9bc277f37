package jakarta.servlet.sip.annotation.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares how callers of a SIP application are authenticated: the authentication method, the
 * realm and whether an identity asserted by a trusted element is accepted.
 */
@Inherited
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface SipLogin {

    /**
     * The ways a caller's identity can be asserted instead of being authenticated directly.
     */
    enum IdentityAssertion {
        /** The {@code P-Asserted-Identity} header of RFC 3325 within a trust domain. */
        P_ASSERTED_IDENTITY,
        /** The {@code Identity} header signed by an authentication service (RFC 8224). */
        IDENTITY,
        /** The identity established by the WebSocket connection the request arrived on. */
        WEBSOCKET,
        /** No assertion is accepted. */
        NONE
    }

    /**
     * Whether an identity assertion is mandatory or merely accepted.
     */
    enum IdentityAssertionSupport {
        /** Requests without an acceptable assertion are refused. */
        REQUIRED,
        /** An assertion is used when present; otherwise normal authentication applies. */
        SUPPORTED
    }

    /**
     * The authentication method, for instance {@code "DIGEST"}, or {@code "NONE"}.
     *
     * @return the method name
     */
    String authMethod() default "NONE";

    /**
     * The realm presented in authentication challenges.
     *
     * @return the realm, or an empty string for the container's default
     */
    String realmName() default "";

    /**
     * The identity assertion mechanism that is accepted.
     *
     * @return the assertion mechanism
     */
    IdentityAssertion identityAssertion() default IdentityAssertion.NONE;

    /**
     * Whether the identity assertion is required or optional.
     *
     * @return the level of support
     */
    IdentityAssertionSupport identityAssertionSupport() default IdentityAssertionSupport.SUPPORTED;
}
