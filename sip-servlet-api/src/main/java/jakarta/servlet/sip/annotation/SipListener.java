package jakarta.servlet.sip.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a listener class without a deployment descriptor entry. The class implements one or
 * more of the SIP listener interfaces and the container registers it for them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
public @interface SipListener {

    /**
     * The application the listener belongs to, when it is not the one declared for its package.
     *
     * @return the application name, or an empty string
     */
    String applicationName() default "";

    /**
     * Free text describing the listener.
     *
     * @return the description
     */
    String description() default "";
}
