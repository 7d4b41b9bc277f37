package org.olelo.apps.dispatcher;

import jakarta.servlet.sip.SipApplicationSession;
import jakarta.servlet.sip.SipApplicationSessionBindingEvent;
import jakarta.servlet.sip.SipApplicationSessionBindingListener;
import jakarta.servlet.sip.SipServletRequest;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One dispatched request, kept as an attribute of its application session while the proxy is
 * supervised: the request, the destinations in the order to try them, the one tried now, and
 * whether that one counts the call in its load (algorithm 10). The load is given back once: on a
 * final error response, on the dialog's BYE, or when the session ends (unbinding).
 *
 * <p>Touched on the application session's queue (servlet), one message at a time; the release
 * flag is atomic as the unbinding may come from the container's invalidation.
 */
final class DispatchedCall implements SipApplicationSessionBindingListener {

    static final String ATTRIBUTE = "org.olelo.apps.dispatcher.call";

    final SipServletRequest request;
    private final List<LiveDestination> order;
    private final boolean countsLoad;
    private int index = -1;
    private LiveDestination current;
    private final AtomicBoolean counted = new AtomicBoolean();

    DispatchedCall(SipServletRequest request, List<LiveDestination> order, boolean countsLoad) {
        this.request = request;
        this.order = order;
        this.countsLoad = countsLoad;
    }

    /** @return the call of {@code as}, or null */
    static DispatchedCall of(SipApplicationSession as) {
        return as != null && as.isValid() && as.getAttribute(ATTRIBUTE) instanceof DispatchedCall c ? c : null;
    }

    /** The next destination of the order that is still active, now the current one; null when none is left. */
    LiveDestination advance() {
        while (++index < order.size()) {
            LiveDestination d = order.get(index);
            if (!d.routable() || countsLoad && !d.tryLoadUp()) {
                continue;
            }
            current = d;
            counted.set(countsLoad);
            return d;
        }
        return null;
    }

    /** Gives the current destination's load back, once. */
    void release() {
        if (counted.compareAndSet(true, false) && current != null) {
            current.loadDown();
        }
    }

    @Override
    public void valueBound(SipApplicationSessionBindingEvent event) {
        // nothing to do
    }

    @Override
    public void valueUnbound(SipApplicationSessionBindingEvent event) {
        release();
    }
}
