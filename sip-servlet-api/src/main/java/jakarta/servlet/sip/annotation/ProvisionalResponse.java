package jakarta.servlet.sip.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a SIP servlet POJO that handles provisional responses (1xx other than 100),
 * that is status codes 101 to 199. The method's first parameter must be a {@code
 * SipServletResponse}. It may be combined with a method annotation such as {@link Invite} to
 * narrow the selection further.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@SipResponseRange(begin = 101, end = 199)
public @interface ProvisionalResponse {
}
