package org.olelo.container.internal.session;

import jakarta.servlet.sip.SipApplicationSessionAttributeListener;
import jakarta.servlet.sip.SipApplicationSessionBindingEvent;
import jakarta.servlet.sip.SipApplicationSessionBindingListener;

/**
 * The binding and attribute callbacks of the attributes of one {@link SipApplicationSessionImpl}:
 * the values' own {@link SipApplicationSessionBindingListener} calls and the application's
 * {@link SipApplicationSessionAttributeListener}s, each through {@link Callbacks} (so what the
 * application throws is logged, never passed on).
 *
 * <p>Called by {@link AttributeMap} on the thread that changes the attribute (see
 * {@link AttributeEvents}).
 */
final class AppSessionEvents implements AttributeEvents {

    private final SipApplicationSessionImpl session;
    private final AppContext app;

    AppSessionEvents(SipApplicationSessionImpl session, AppContext app) {
        this.session = session;
        this.app = app;
    }

    private SipApplicationSessionBindingEvent event(String name) {
        return new SipApplicationSessionBindingEvent(session, name);
    }

    @Override
    public void valueBound(String name, Object value) {
        if (value instanceof SipApplicationSessionBindingListener b) {
            Callbacks.one(app, b, l -> l.valueBound(event(name)));
        }
    }

    @Override
    public void valueUnbound(String name, Object value) {
        if (value instanceof SipApplicationSessionBindingListener b) {
            Callbacks.one(app, b, l -> l.valueUnbound(event(name)));
        }
    }

    @Override
    public void attributeAdded(String name) {
        Callbacks.each(app, SipApplicationSessionAttributeListener.class, l -> l.attributeAdded(event(name)));
    }

    @Override
    public void attributeReplaced(String name) {
        Callbacks.each(app, SipApplicationSessionAttributeListener.class, l -> l.attributeReplaced(event(name)));
    }

    @Override
    public void attributeRemoved(String name) {
        Callbacks.each(app, SipApplicationSessionAttributeListener.class, l -> l.attributeRemoved(event(name)));
    }
}
