package jakarta.servlet.sip;

import java.io.Serializable;
import java.util.EventListener;

/**
 * Callback handed to operations where the container sends or receives SIP messages on the
 * application's behalf (for example {@link SipSession#terminateDialog(AutomaticProcessingListener)}
 * or {@link ForkingContext#terminateDialogs(AutomaticProcessingListener, SipSession...)}). It lets
 * the application observe, and adjust where still allowed, those messages, which are not
 * delivered to its servlets.
 *
 * @since 2.0
 */
public interface AutomaticProcessingListener extends EventListener, Serializable {

    /**
     * Called before the container sends a request it created; the request may still be modified.
     *
     * @param request the request about to be sent
     */
    void outgoingRequest(SipServletRequest request);

    /**
     * Called before the container sends a response it created; the response may still be modified.
     *
     * @param response the response about to be sent
     */
    void outgoingResponse(SipServletResponse response);

    /**
     * Called when a request that the container handles by itself arrives.
     *
     * @param request the received request
     */
    void incomingRequest(SipServletRequest request);

    /**
     * Called when a response to a request the container sent by itself arrives.
     *
     * @param response the received response
     */
    void incomingResponse(SipServletResponse response);
}
