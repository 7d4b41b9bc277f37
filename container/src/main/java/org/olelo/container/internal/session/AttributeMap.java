package org.olelo.container.internal.session;

import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Attributes of a session or message: created on first use (most proxied calls never store one),
 * safe for concurrent access. Null values are refused as the Servlet API requires.
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

    Enumeration<String> enumeration() {
        return Collections.enumeration(names());
    }

    void clear() {
        Map<String, Object> m = map;
        if (m != null) {
            m.clear();
        }
    }
}
