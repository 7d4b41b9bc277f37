package jakarta.servlet.sip;

import java.util.EventObject;

/**
 * Event about an attribute of a {@link SipSession}, sent to {@link SipSessionBindingListener}s
 * and {@link SipSessionAttributeListener}s.
 *
 * @deprecated use {@link AttributeStoreBindingEvent} with {@link SipSession}
 */
@Deprecated
public class SipSessionBindingEvent extends EventObject {

    private static final long serialVersionUID = 1L;

    /** Name of the attribute the event is about. */
    private final String name;

    /**
     * Creates an event.
     *
     * @param session the session the attribute belongs to
     * @param name the attribute name
     */
    public SipSessionBindingEvent(SipSession session, String name) {
        super(session);
        this.name = name;
    }

    /**
     * Returns the name of the attribute concerned.
     *
     * @return the attribute name
     */
    public String getName() {
        return name;
    }

    /**
     * Returns the session the attribute belongs to (the event source).
     *
     * @return the session
     */
    public SipSession getSession() {
        return (SipSession) getSource();
    }
}
