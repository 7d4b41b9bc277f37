package jakarta.servlet.sip.annotation;

import jakarta.enterprise.context.NormalScope;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * CDI scope whose contextual instances live for one invocation of application code by the
 * container, such as the delivery of a message to a servlet or of an event to a listener.
 */
@Inherited
@NormalScope
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface SipInvocationScoped {
}
