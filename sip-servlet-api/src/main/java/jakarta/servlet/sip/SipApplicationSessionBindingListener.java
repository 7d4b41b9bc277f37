package jakarta.servlet.sip;

import java.util.EventListener;

/**
 * Implemented by attribute values that want to know when they are bound to or unbound from a
 * {@link SipApplicationSession}.
 *
 * @deprecated use {@link AttributeStoreBindingListener} with {@link SipApplicationSession}
 */
@Deprecated
public interface SipApplicationSessionBindingListener extends EventListener {

    /**
     * Called when this object is bound to an application session.
     *
     * @param event identifies the session and attribute name
     */
    void valueBound(SipApplicationSessionBindingEvent event);

    /**
     * Called when this object is unbound from an application session, also on invalidation.
     *
     * @param event identifies the session and attribute name
     */
    void valueUnbound(SipApplicationSessionBindingEvent event);
}
