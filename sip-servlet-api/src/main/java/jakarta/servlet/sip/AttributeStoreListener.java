package jakarta.servlet.sip;

import java.util.EventListener;

/**
 * Application listener notified of attribute changes on attribute stores of type {@code T}
 * (for example {@link SipSession} or {@link SipApplicationSession}). Each method is called after
 * the change has taken place.
 *
 * @param <T> the kind of attribute store the listener observes
 * @since 2.0
 */
public interface AttributeStoreListener<T extends AttributeStore> extends EventListener {

    /**
     * Called after an attribute has been added to a store.
     *
     * @param event identifies the store and the attribute name
     */
    void attributeAdded(AttributeStoreBindingEvent<T> event);

    /**
     * Called after an attribute has been removed from a store.
     *
     * @param event identifies the store and the attribute name
     */
    void attributeRemoved(AttributeStoreBindingEvent<T> event);

    /**
     * Called after the value of an existing attribute has been replaced.
     *
     * @param event identifies the store and the attribute name
     */
    void attributeReplaced(AttributeStoreBindingEvent<T> event);
}
