package org.olelo.container.internal.session;

import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Attributes of a session or message: created on first use (most proxied calls never store one),
 * safe for concurrent access. Null values are refused as the Servlet API requires.
 *
 * <p>Sessions change their attributes through {@link #set}, {@link #remove(String, AttributeEvents)}
 * and {@link #removeAll}, which make the callbacks in the order of the Servlet specification: a
 * new value is bound before it becomes visible, the value it replaces is unbound after, and the
 * attribute listeners hear of the change last.
 */
final class AttributeMap {

    private volatile Map<String, Object> map;

    Object get(String name) {
        Map<String, Object> m = map;
        return m == null ? null : m.get(name);
    }

    /** Stores the value and returns the previous one. */
    Object put(String name, Object value) {
        if (name == null || value == null) {
            throw new NullPointerException("attribute name and value must not be null");
        }
        Map<String, Object> m = map;
        if (m == null) {
            synchronized (this) {
                if (map == null) {
                    map = new ConcurrentHashMap<>();
                }
                m = map;
            }
        }
        return m.put(name, value);
    }

    Object remove(String name) {
        Map<String, Object> m = map;
        return m == null || name == null ? null : m.remove(name);
    }

    Set<String> names() {
        Map<String, Object> m = map;
        return m == null ? Set.of() : Set.copyOf(m.keySet());
    }

    /** A copy of the names and values (empty when none was ever stored). */
    Map<String, Object> values() {
        Map<String, Object> m = map;
        return m == null ? Map.of() : Map.copyOf(m);
    }

    Enumeration<String> enumeration() {
        return Collections.enumeration(names());
    }

    void clear() {
        Map<String, Object> m = map;
        if (m != null) {
            m.clear();
        }
    }

    /**
     * Stores the value and makes the callbacks: {@code valueBound} on the new value (unless it is
     * the one already stored), {@code valueUnbound} on the replaced one, then added or replaced.
     */
    void set(String name, Object value, AttributeEvents events) {
        if (name == null || value == null) {
            throw new NullPointerException("attribute name and value must not be null");
        }
        if (get(name) != value) {
            events.valueBound(name, value);
        }
        Object old = put(name, value);
        if (old != null && old != value) {
            events.valueUnbound(name, old);
        }
        if (old == null) {
            events.attributeAdded(name);
        } else {
            events.attributeReplaced(name);
        }
    }

    /** Removes the attribute, if present, and makes the unbound and removed callbacks. */
    void remove(String name, AttributeEvents events) {
        Object old = remove(name);
        if (old != null) {
            events.valueUnbound(name, old);
            events.attributeRemoved(name);
        }
    }

    /** Removes every attribute with its callbacks (invalidation, {@code clearAttributes}). */
    void removeAll(AttributeEvents events) {
        for (String name : names()) {
            remove(name, events);
        }
    }
}
