package org.olelo.container.internal.context;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextAttributeEvent;
import jakarta.servlet.ServletContextAttributeListener;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * The attributes of a context, in a concurrent map, with
 * {@link ServletContextAttributeListener}s told of every change on the thread
 * that makes it. Any thread.
 */
final class ContextAttributes {

    private final ServletContext owner;
    private final ConcurrentMap<String, Object> values = new ConcurrentHashMap<>();
    private volatile Supplier<List<ServletContextAttributeListener>> listeners = List::of;

    ContextAttributes(ServletContext owner) {
        this.owner = owner;
    }

    void setListeners(Supplier<List<ServletContextAttributeListener>> listeners) {
        this.listeners = Objects.requireNonNull(listeners, "listeners");
    }

    /** @return the live map of the values (changes through it notify no listener) */
    ConcurrentMap<String, Object> map() {
        return values;
    }

    Object get(String name) {
        return values.get(Objects.requireNonNull(name, "name"));
    }

    Enumeration<String> names() {
        return Collections.enumeration(new TreeSet<>(values.keySet()));
    }

    void set(String name, Object value) {
        Objects.requireNonNull(name, "name");
        if (value == null) {
            remove(name);
            return;
        }
        Object old = values.put(name, value);
        for (ServletContextAttributeListener l : listeners.get()) {
            if (old == null) {
                l.attributeAdded(new ServletContextAttributeEvent(owner, name, value));
            } else {
                l.attributeReplaced(new ServletContextAttributeEvent(owner, name, old));
            }
        }
    }

    void remove(String name) {
        Object old = values.remove(Objects.requireNonNull(name, "name"));
        if (old != null) {
            for (ServletContextAttributeListener l : listeners.get()) {
                l.attributeRemoved(new ServletContextAttributeEvent(owner, name, old));
            }
        }
    }
}
