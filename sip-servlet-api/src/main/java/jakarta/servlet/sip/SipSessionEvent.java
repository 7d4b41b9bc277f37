package jakarta.servlet.sip;

import java.util.EventObject;

/** Event about the life cycle of a {@link SipSession}. */
public class SipSessionEvent extends EventObject {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an event.
     *
     * @param source the session the event is about
     */
    public SipSessionEvent(SipSession source) {
        super(source);
    }

    /**
     * Returns the session the event is about (the event source).
     *
     * @return the session
     */
    public SipSession getSession() {
        return (SipSession) getSource();
    }
}
