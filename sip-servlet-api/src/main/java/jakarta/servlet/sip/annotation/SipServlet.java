package jakarta.servlet.sip.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a SIP servlet without a deployment descriptor entry. The class either extends
 * {@code jakarta.servlet.sip.SipServlet} or is a POJO whose annotated methods handle messages.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
public @interface SipServlet {

    /**
     * The servlet name; the simple class name is used when empty.
     *
     * @return the servlet name
     */
    String name() default "";

    /**
     * The application the servlet belongs to, when it is not the one declared for its package.
     *
     * @return the application name, or an empty string
     */
    String applicationName() default "";

    /**
     * Free text describing the servlet.
     *
     * @return the description
     */
    String description() default "";

    /**
     * Start-up order: a value of zero or more makes the container initialize the servlet at
     * deployment, lower values first; a negative value lets the container load it lazily.
     *
     * @return the load order
     */
    int loadOnStartup() default -1;
}
