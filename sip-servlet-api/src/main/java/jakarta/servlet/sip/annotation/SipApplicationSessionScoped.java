package jakarta.servlet.sip.annotation;

import jakarta.enterprise.context.NormalScope;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * CDI scope whose contextual instances live as long as a SIP application session: one instance
 * per application session, active while the container processes a message or event of that
 * session. Beans of this scope are stored with the session and must therefore be serializable.
 */
@Inherited
@NormalScope(passivating = true)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface SipApplicationSessionScoped {
}
