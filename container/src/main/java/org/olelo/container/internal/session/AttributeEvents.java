package org.olelo.container.internal.session;

/**
 * The application callbacks one session kind makes when its attributes change: binding
 * callbacks on the values themselves and the application's attribute listeners. Implemented once
 * per session kind (application session, SIP session); {@link AttributeMap} decides when each one
 * is called, so both kinds follow the same order.
 *
 * <p>Called on the thread that changes the attribute: the owning application session's executor
 * for container work, or the application thread that calls {@code setAttribute}.
 */
interface AttributeEvents {

    /** The value was bound under the name; calls {@code valueBound} when the value listens. */
    void valueBound(String name, Object value);

    /** The value was unbound from the name; calls {@code valueUnbound} when the value listens. */
    void valueUnbound(String name, Object value);

    /** Tells the attribute listeners that a new attribute was added. */
    void attributeAdded(String name);

    /** Tells the attribute listeners that an attribute's value was replaced. */
    void attributeReplaced(String name);

    /** Tells the attribute listeners that an attribute was removed. */
    void attributeRemoved(String name);
}
