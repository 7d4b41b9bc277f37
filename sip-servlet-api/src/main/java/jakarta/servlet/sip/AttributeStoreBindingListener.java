package jakarta.servlet.sip;

import java.util.EventListener;

/**
 * Implemented by attribute values that want to know when they are bound to or unbound from an
 * {@link AttributeStore} of type {@code T}.
 *
 * @param <T> the kind of attribute store the listener cares about
 * @since 2.0
 */
public interface AttributeStoreBindingListener<T extends AttributeStore> extends EventListener {

    /**
     * Called when this object is bound to a store.
     *
     * @param event identifies the store and the attribute name
     */
    void valueBound(AttributeStoreBindingEvent<T> event);

    /**
     * Called when this object is unbound from a store, also when the store is invalidated.
     *
     * @param event identifies the store and the attribute name
     */
    void valueUnbound(AttributeStoreBindingEvent<T> event);
}
