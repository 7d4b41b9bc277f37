package jakarta.servlet.sip.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Meta-annotation binding an annotation to a SIP method name. Java methods carrying the annotated
 * annotation are selected for messages of that SIP method; {@link Invite} and its siblings are
 * built this way, and applications may define their own.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.ANNOTATION_TYPE)
public @interface SipMethod {

    /**
     * The SIP method name, in upper case, for instance {@code "INVITE"}.
     *
     * @return the method name
     */
    String value();
}
