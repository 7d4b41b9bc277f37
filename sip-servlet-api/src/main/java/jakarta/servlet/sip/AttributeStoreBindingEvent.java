package jakarta.servlet.sip;

import java.util.EventObject;

/**
 * Event delivered to {@link AttributeStoreBindingListener}s when they are bound to or unbound
 * from an {@link AttributeStore}, and to {@link AttributeStoreListener}s when an attribute of a
 * store changes.
 *
 * @param <T> the kind of attribute store the event is about
 * @since 2.0
 */
public class AttributeStoreBindingEvent<T extends AttributeStore> extends EventObject {

    private static final long serialVersionUID = 1L;

    /** Name of the attribute the event is about. */
    private final String name;

    /**
     * Creates an event.
     *
     * @param store the attribute store the attribute is bound to or unbound from
     * @param name the name of the attribute
     */
    public AttributeStoreBindingEvent(T store, String name) {
        super(store);
        this.name = name;
    }

    /**
     * Returns the name of the attribute that was bound, unbound or replaced.
     *
     * @return the attribute name
     */
    public String getName() {
        return name;
    }

    /**
     * Returns the store whose attribute changed (the event source).
     *
     * @return the attribute store
     */
    @SuppressWarnings("unchecked")
    public T getAttributeStore() {
        return (T) getSource();
    }
}
