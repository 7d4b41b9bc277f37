package jakarta.servlet.sip.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the SIP application whose container objects (such as its {@code SipFactory} or
 * {@code SipSessionsUtil}) an injection point of a non-SIP component, for instance an
 * enterprise bean, should receive.
 */
@Target({ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
public @interface ApplicationName {

    /**
     * The name of the SIP application.
     *
     * @return the application name
     */
    String value();
}
