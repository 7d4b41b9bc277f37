package jakarta.servlet.sip.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a SIP servlet POJO that handles {@code INVITE} messages (session invitations).
 * When the first parameter of the method is a {@code SipServletRequest} the method receives the
 * requests; when it is a {@code SipServletResponse} it receives the responses to such requests.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@SipMethod("INVITE")
public @interface Invite {
}
