package jakarta.servlet.sip;

import java.util.EventObject;

/** Event about the life cycle of a {@link SipApplicationSession}. */
public class SipApplicationSessionEvent extends EventObject {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an event.
     *
     * @param appSession the application session the event is about
     */
    public SipApplicationSessionEvent(SipApplicationSession appSession) {
        super(appSession);
    }

    /**
     * Returns the application session the event is about (the event source).
     *
     * @return the application session
     */
    public SipApplicationSession getApplicationSession() {
        return (SipApplicationSession) getSource();
    }
}
