package jakarta.servlet.sip.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Meta-annotation binding an annotation to one response status code. Java methods carrying the
 * annotated annotation are selected for responses with exactly that code; their first
 * parameter must be a {@code SipServletResponse}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.ANNOTATION_TYPE)
public @interface SipResponseCode {

    /**
     * The status code, for instance {@code 180}.
     *
     * @return the status code
     */
    int value();
}
