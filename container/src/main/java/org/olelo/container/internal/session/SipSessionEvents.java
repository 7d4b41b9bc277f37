package org.olelo.container.internal.session;

import jakarta.servlet.sip.SipSessionAttributeListener;
import jakarta.servlet.sip.SipSessionBindingEvent;
import jakarta.servlet.sip.SipSessionBindingListener;

/**
 * The binding and attribute callbacks of the attributes of one {@link SipSessionImpl}: the values'
 * own {@link SipSessionBindingListener} calls and the application's
 * {@link SipSessionAttributeListener}s, each through {@link Callbacks} (so what the application
 * throws is logged, never passed on).
 *
 * <p>Called by {@link AttributeMap} on the thread that changes the attribute (see
 * {@link AttributeEvents}).
 */
final class SipSessionEvents implements AttributeEvents {

    private final SipSessionImpl session;

    SipSessionEvents(SipSessionImpl session) {
        this.session = session;
    }

    private SipSessionBindingEvent event(String name) {
        return new SipSessionBindingEvent(session, name);
    }

    @Override
    public void valueBound(String name, Object value) {
        if (value instanceof SipSessionBindingListener b) {
            Callbacks.one(session.parent().app(), b, l -> l.valueBound(event(name)));
        }
    }

    @Override
    public void valueUnbound(String name, Object value) {
        if (value instanceof SipSessionBindingListener b) {
            Callbacks.one(session.parent().app(), b, l -> l.valueUnbound(event(name)));
        }
    }

    @Override
    public void attributeAdded(String name) {
        Callbacks.each(session.parent().app(), SipSessionAttributeListener.class, l -> l.attributeAdded(event(name)));
    }

    @Override
    public void attributeReplaced(String name) {
        Callbacks.each(session.parent().app(), SipSessionAttributeListener.class,
                l -> l.attributeReplaced(event(name)));
    }

    @Override
    public void attributeRemoved(String name) {
        Callbacks.each(session.parent().app(), SipSessionAttributeListener.class,
                l -> l.attributeRemoved(event(name)));
    }
}
