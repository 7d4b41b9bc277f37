package jakarta.servlet.sip;

import java.util.EventListener;

/**
 * Application listener told when a {@link Flow} the application used fails, for example because
 * the connection dropped or keep-alives stopped (RFC 5626).
 *
 * @since 2.0
 */
public interface FlowListener extends EventListener {

    /**
     * Called once the container has detected that a flow failed.
     *
     * @param event identifies the failed flow
     */
    void flowFailed(FlowFailedEvent event);
}
