package jakarta.servlet.sip;

import java.util.EventObject;

/**
 * Event about an attribute of a {@link SipApplicationSession}, sent to
 * {@link SipApplicationSessionBindingListener}s and {@link SipApplicationSessionAttributeListener}s.
 *
 * @deprecated use {@link AttributeStoreBindingEvent} with {@link SipApplicationSession}
 */
@Deprecated
public class SipApplicationSessionBindingEvent extends EventObject {

    private static final long serialVersionUID = 1L;

    /** Name of the attribute the event is about. */
    private final String name;

    /**
     * Creates an event.
     *
     * @param appSession the application session the attribute belongs to
     * @param name the attribute name
     */
    public SipApplicationSessionBindingEvent(SipApplicationSession appSession, String name) {
        super(appSession);
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
     * Returns the application session the attribute belongs to (the event source).
     *
     * @return the application session
     */
    public SipApplicationSession getApplicationSession() {
        return (SipApplicationSession) getSource();
    }
}
