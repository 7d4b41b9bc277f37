package jakarta.servlet.sip.annotation;

import jakarta.servlet.sip.Predicate;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Meta-annotation attaching a message test to an annotation. Java methods carrying the annotated
 * annotation are selected only for messages the predicate accepts; the container creates the
 * predicate through its public no-argument constructor.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.ANNOTATION_TYPE)
public @interface SipPredicate {

    /**
     * The predicate class to apply.
     *
     * @return the predicate class
     */
    @SuppressWarnings("rawtypes")
    Class<? extends Predicate> value() default Predicate.class;
}
