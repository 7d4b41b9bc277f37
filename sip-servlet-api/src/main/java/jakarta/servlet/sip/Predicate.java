package jakarta.servlet.sip;

/**
 * A condition on SIP messages, used with the {@code @SipPredicate} annotation to decide whether
 * a message-handling method of a POJO servlet is invoked for a given message.
 *
 * @param <M> the kind of message tested
 * @since 2.0
 */
public interface Predicate<M extends SipServletMessage> {

    /**
     * Tests a message.
     *
     * @param message the message to test
     * @return {@code true} if the annotated method should handle {@code message}
     */
    boolean apply(M message);
}
