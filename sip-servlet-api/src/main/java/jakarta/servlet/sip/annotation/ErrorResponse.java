package jakarta.servlet.sip.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a SIP servlet POJO that handles error responses (4xx, 5xx and 6xx), that is
 * status codes 400 to 699. The method's first parameter must be a {@code SipServletResponse}. It
 * may be combined with a method annotation such as {@link Invite} to narrow the selection further.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@SipResponseRange(begin = 400, end = 699)
public @interface ErrorResponse {
}
