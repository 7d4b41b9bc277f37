package org.olelo.container.internal.ua;

import jakarta.servlet.sip.AttributeStore;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Attributes of a forking context or an invite branch: a thread-safe map with the store's rules. */
abstract class SimpleAttributes implements AttributeStore {

    private final Map<String, Object> attributes = new ConcurrentHashMap<>();

    @Override
    public Object getAttribute(String name) {
        return name == null ? null : attributes.get(name);
    }

    @Override
    public void removeAttribute(String name) {
        if (name != null) {
            attributes.remove(name);
        }
    }

    @Override
    public void setAttribute(String name, Object value) {
        if (name == null || value == null) {
            throw new NullPointerException("attribute name and value must not be null");
        }
        attributes.put(name, value);
    }

    @Override
    public Set<String> getAttributeNameSet() {
        return Set.copyOf(attributes.keySet());
    }

    @Override
    public void clearAttributes() {
        attributes.clear();
    }
}
