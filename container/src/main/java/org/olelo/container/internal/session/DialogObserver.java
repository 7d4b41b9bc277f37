package org.olelo.container.internal.session;

import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import jakarta.servlet.sip.SipSession;
import java.util.List;

/**
 * Hears of the dialog events of every SIP session, for the container's own bookkeeping (dialog
 * tracking, accounting): the session's state moved, the session was invalidated, or a proxy
 * forwarded a final response upstream. Set once on the {@link SessionManager}.
 *
 * <p>Called on the thread that caused the event, usually the application session's executor; an
 * implementation must be quick and must not block (it queues what is slow).
 */
public interface DialogObserver {

    /** A session's dialog state moved from {@code before} to {@code now} (never equal). */
    default void stateChanged(SipSessionImpl s, SipSession.State before, SipSession.State now) {
    }

    /** A session was invalidated: whatever is kept of its dialog goes. */
    default void invalidated(SipSessionImpl s) {
    }

    /**
     * A proxy session forwarded a final response upstream.
     *
     * @param request    the request as the proxy received it
     * @param subsequent true for a request inside the proxied dialog (a BYE), false for the initial one
     * @param response   the final response sent upstream
     */
    default void proxiedFinal(SipSessionImpl s, SIPRequest request, boolean subsequent, SIPResponse response) {
    }

    /** An observer that ignores everything. */
    DialogObserver NONE = new DialogObserver() {
    };

    /**
     * An observer that tells each of {@code all}, in order; one that fails is logged and does not
     * keep the others, nor the message that caused the event, from going on.
     */
    static DialogObserver all(List<DialogObserver> all) {
        List<DialogObserver> copy = List.copyOf(all);
        org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DialogObserver.class);
        return new DialogObserver() {
            private void each(SipSessionImpl s, java.util.function.Consumer<DialogObserver> event) {
                for (DialogObserver o : copy) {
                    try {
                        event.accept(o);
                    } catch (RuntimeException e) {
                        log.warn("call bookkeeping failed for Call-ID {}", s.getCallId(), e);
                    }
                }
            }

            @Override
            public void stateChanged(SipSessionImpl s, SipSession.State before, SipSession.State now) {
                each(s, o -> o.stateChanged(s, before, now));
            }

            @Override
            public void invalidated(SipSessionImpl s) {
                each(s, o -> o.invalidated(s));
            }

            @Override
            public void proxiedFinal(SipSessionImpl s, SIPRequest request, boolean subsequent, SIPResponse response) {
                each(s, o -> o.proxiedFinal(s, request, subsequent, response));
            }
        };
    }
}
