package jakarta.servlet.sip.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the method that computes, for an initial request, the key of the application session it
 * belongs to; requests yielding the same key join the same application session. The method must
 * be public and static, take one {@code SipServletRequest}, return a {@code String} and leave
 * the request unchanged; deployment fails when the signature does not fit.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
public @interface SipApplicationKey {

    /**
     * The application the key method belongs to, when it is not the one declared for its
     * package.
     *
     * @return the application name, or an empty string
     */
    String applicationName() default "";
}
