package jakarta.servlet.sip.annotation;

import jakarta.servlet.sip.ConcurrencyMode;
import jakarta.servlet.sip.annotation.security.SipLogin;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a SIP application and its application-wide settings, in place of the corresponding
 * parts of {@code sip.xml}. Placed on a package (in {@code package-info.java}) it makes the
 * servlets and listeners of that package members of the application unless they name another
 * one; it may also be placed on a class.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface SipApplication {

    /**
     * The unique name of the application.
     *
     * @return the application name
     */
    String name() default "";

    /**
     * A name for administration tools; the application name is used when empty.
     *
     * @return the display name
     */
    String displayName() default "";

    /**
     * Path, inside the archive, of a small icon for administration tools.
     *
     * @return the icon path, or an empty string
     */
    String smallIcon() default "";

    /**
     * Path, inside the archive, of a large icon for administration tools.
     *
     * @return the icon path, or an empty string
     */
    String largeIcon() default "";

    /**
     * Free text describing the application.
     *
     * @return the description
     */
    String description() default "";

    /**
     * Whether the application is written to run on several cluster nodes.
     *
     * @return {@code true} when the application can be distributed
     */
    boolean distributable() default false;

    /**
     * Default timeout of proxy branches, in seconds.
     *
     * @return the timeout in seconds
     */
    int proxyTimeout() default 180;

    /**
     * Default lifetime of idle application sessions, in minutes.
     *
     * @return the timeout in minutes
     */
    int sessionTimeout() default 3;

    /**
     * Name of the servlet that receives initial requests routed to the application.
     *
     * @return the servlet name, or an empty string when not set
     */
    String mainServlet() default "";

    /**
     * How the container serializes the processing of messages and events of the application.
     *
     * @return the concurrency mode
     */
    ConcurrencyMode concurrencyMode() default ConcurrencyMode.VENDORSPECIFIC;

    /**
     * Whether the container leaves CANCEL handling to the application instead of answering it
     * and terminating the pending INVITE itself.
     *
     * @return {@code true} to turn the automatic handling off
     */
    boolean disableCancelHandling() default false;

    /**
     * Login configuration of the application: authentication method, realm and identity
     * assertion.
     *
     * @return the login configuration
     */
    SipLogin loginConfig() default @SipLogin;

    /**
     * Whether a dialog is created by the SUBSCRIBE transaction itself rather than by the first
     * NOTIFY.
     *
     * @return {@code true} to create the dialog on the SUBSCRIBE response
     */
    boolean establishDialogOnSubscribeTransaction() default false;

    /**
     * Version of the SIP Servlet specification the application is written for.
     *
     * @return the version, such as {@code "2.0"}
     */
    String version() default "2.0";

    /**
     * Whether session attributes are copied when the container derives a new session from an
     * existing one.
     *
     * @return {@code true} to copy attributes into derived sessions
     */
    boolean enableDerivedSessionAttributeCloning() default false;
}
