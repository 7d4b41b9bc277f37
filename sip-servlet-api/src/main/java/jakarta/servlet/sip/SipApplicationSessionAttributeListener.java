package jakarta.servlet.sip;

import java.util.EventListener;

/**
 * Application listener notified of attribute changes on the application's
 * {@link SipApplicationSession}s. Each method is called after the change.
 *
 * @deprecated use {@link AttributeStoreListener} with {@link SipApplicationSession}
 */
@Deprecated
public interface SipApplicationSessionAttributeListener extends EventListener {

    /**
     * Called after an attribute has been added to an application session.
     *
     * @param ev identifies the session and attribute name
     */
    void attributeAdded(SipApplicationSessionBindingEvent ev);

    /**
     * Called after an attribute has been removed from an application session.
     *
     * @param ev identifies the session and attribute name
     */
    void attributeRemoved(SipApplicationSessionBindingEvent ev);

    /**
     * Called after an attribute of an application session has been replaced.
     *
     * @param ev identifies the session and attribute name
     */
    void attributeReplaced(SipApplicationSessionBindingEvent ev);
}
