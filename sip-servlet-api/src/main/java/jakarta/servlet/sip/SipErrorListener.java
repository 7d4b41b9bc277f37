package jakarta.servlet.sip;

import java.util.EventListener;

/**
 * Application listener told when a message the application was waiting for did not arrive in time.
 */
public interface SipErrorListener extends EventListener {

    /**
     * Called when no ACK arrived for a 2xx response the application sent to an INVITE.
     *
     * @param ee the INVITE and the 2xx response
     */
    void noAckReceived(SipErrorEvent ee);

    /**
     * Called when no PRACK arrived for a reliable provisional response the application sent.
     *
     * @param ee the INVITE and the reliable provisional response
     */
    void noPrackReceived(SipErrorEvent ee);

    /**
     * Called when no NOTIFY arrived, within the time allowed by RFC 6665, for a SUBSCRIBE the
     * application sent and that was accepted.
     *
     * @param ee the SUBSCRIBE and its response
     * @since 2.0
     */
    void noNotifyReceived(SipErrorEvent ee);
}
