package jakarta.servlet.sip.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Meta-annotation binding an annotation to an inclusive range of response status codes. Java
 * methods carrying the annotated annotation are selected for responses whose code lies within
 * the range; their first parameter must be a {@code SipServletResponse}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.ANNOTATION_TYPE)
public @interface SipResponseRange {

    /**
     * The lowest status code of the range, included.
     *
     * @return the first code
     */
    int begin() default 100;

    /**
     * The highest status code of the range, included.
     *
     * @return the last code
     */
    int end() default 999;
}
