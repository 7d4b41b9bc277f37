package jakarta.servlet.sip;

import java.util.EventObject;

/**
 * Event passed to {@link FlowListener#flowFailed(FlowFailedEvent)} when a {@link Flow} fails.
 *
 * @since 2.0
 */
public class FlowFailedEvent extends EventObject {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an event.
     *
     * @param flow the flow that failed
     */
    public FlowFailedEvent(Flow flow) {
        super(flow);
    }

    /**
     * Returns the flow that failed (the event source).
     *
     * @return the failed flow
     */
    public Flow getFlow() {
        return (Flow) getSource();
    }
}
