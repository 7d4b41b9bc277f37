package jakarta.servlet.sip.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a SIP servlet POJO that handles messages whatever their SIP method: all
 * requests when its first parameter is a {@code SipServletRequest}, all responses when it is a
 * {@code SipServletResponse}. More specific handlers are preferred when several match.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AnyMethod {
}
