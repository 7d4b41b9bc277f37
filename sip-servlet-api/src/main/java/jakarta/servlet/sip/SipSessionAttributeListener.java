package jakarta.servlet.sip;

import java.util.EventListener;

/**
 * Application listener notified of attribute changes on the application's {@link SipSession}s.
 * Each method is called after the change.
 *
 * @deprecated use {@link AttributeStoreListener} with {@link SipSession}
 */
@Deprecated
public interface SipSessionAttributeListener extends EventListener {

    /**
     * Called after an attribute has been added to a session.
     *
     * @param ev identifies the session and attribute name
     */
    void attributeAdded(SipSessionBindingEvent ev);

    /**
     * Called after an attribute has been removed from a session.
     *
     * @param ev identifies the session and attribute name
     */
    void attributeRemoved(SipSessionBindingEvent ev);

    /**
     * Called after an attribute of a session has been replaced.
     *
     * @param ev identifies the session and attribute name
     */
    void attributeReplaced(SipSessionBindingEvent ev);
}
