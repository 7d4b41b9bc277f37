package jakarta.servlet.sip;

import java.util.EventListener;

/**
 * Implemented by attribute values that want to know when they are bound to or unbound from a
 * {@link SipSession}.
 *
 * @deprecated use {@link AttributeStoreBindingListener} with {@link SipSession}
 */
@Deprecated
public interface SipSessionBindingListener extends EventListener {

    /**
     * Called when this object is bound to a session.
     *
     * @param event identifies the session and attribute name
     */
    void valueBound(SipSessionBindingEvent event);

    /**
     * Called when this object is unbound from a session, also on invalidation.
     *
     * @param event identifies the session and attribute name
     */
    void valueUnbound(SipSessionBindingEvent event);
}
