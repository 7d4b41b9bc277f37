package jakarta.servlet.sip;

import java.util.EventObject;

/**
 * Event passed to a {@link SipErrorListener}: the request and response of the transaction for
 * which an expected message did not arrive.
 */
public class SipErrorEvent extends EventObject {

    private static final long serialVersionUID = 1L;

    /** The response of the transaction. */
    private final SipServletResponse response;

    /**
     * Creates an event.
     *
     * @param request the request of the transaction; it is the event source
     * @param response the response of the transaction
     */
    public SipErrorEvent(SipServletRequest request, SipServletResponse response) {
        super(request);
        this.response = response;
    }

    /**
     * Returns the request of the transaction (the event source).
     *
     * @return the request
     */
    public SipServletRequest getRequest() {
        return (SipServletRequest) getSource();
    }

    /**
     * Returns the response of the transaction.
     *
     * @return the response
     */
    public SipServletResponse getResponse() {
        return response;
    }
}
