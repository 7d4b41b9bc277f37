package jakarta.servlet.sip.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a SIP servlet POJO that handles success responses (2xx), that is status codes
 * 200 to 299. The method's first parameter must be a {@code SipServletResponse}. It may be
 * combined with a method annotation such as {@link Invite} to narrow the selection further.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@SipResponseRange(begin = 200, end = 299)
public @interface SuccessResponse {
}
