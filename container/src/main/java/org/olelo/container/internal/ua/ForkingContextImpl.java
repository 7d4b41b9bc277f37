package org.olelo.container.internal.ua;

import jakarta.servlet.sip.AutomaticProcessingListener;
import jakarta.servlet.sip.ForkingContext;
import jakarta.servlet.sip.SipServletRequest;
import jakarta.servlet.sip.SipSession;
import jakarta.servlet.sip.UAMode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.olelo.container.internal.session.SipSessionImpl;

/**
 * The sessions of one dialog-creating request: the original one and those derived from it by
 * forked responses (UAC) or extra invite branches (UAS). Used on the application session's executor.
 */
final class ForkingContextImpl extends SimpleAttributes implements ForkingContext {

    private final UserAgent ua;
    private final SipSessionImpl origin;
    private final List<SipSessionImpl> sessions = new CopyOnWriteArrayList<>();
    /** Set by terminateDialogs: sessions derived afterwards are terminated at once. */
    private volatile AutomaticProcessingListener terminateNewOnes;
    private volatile boolean terminateNew;

    ForkingContextImpl(UserAgent ua, SipSessionImpl origin) {
        this.ua = ua;
        this.origin = origin;
        sessions.add(origin);
    }

    /** Adds a derived session; terminates it at once when the application asked for that. */
    void added(SipSessionImpl s) {
        sessions.add(s);
        if (terminateNew && s.getState() != SipSession.State.TERMINATED) {
            SipSessionImpl target = s;
            s.parent().executor().execute(() -> {
                if (target.isValid() && target.getState() != SipSession.State.TERMINATED) {
                    target.terminateDialog(terminateNewOnes);
                }
            });
        }
    }

    private void checkValid() {
        if (!isValid()) {
            throw new IllegalStateException("forking context is no longer valid");
        }
    }

    @Override
    public Set<SipSession> getSipSessions() {
        checkValid();
        Set<SipSession> out = new LinkedHashSet<>();
        for (SipSessionImpl s : sessions) {
            if (s.isValid()) {
                out.add(s);
            }
        }
        return out;
    }

    @Override
    public void terminateDialogs(AutomaticProcessingListener listener, SipSession... keep) {
        checkValid();
        Set<SipSession> kept = keep == null ? Set.of() : Set.of(keep);
        for (SipSessionImpl s : sessions) {
            if (!kept.contains(s) && s.isValid() && s.getState() != SipSession.State.TERMINATED) {
                s.terminateDialog(listener);
            }
        }
        terminateNewOnes = listener;
        terminateNew = true;
    }

    @Override
    public boolean isValid() {
        for (SipSessionImpl s : sessions) {
            if (s.isValid()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public SipServletRequest createRequest(String method) {
        checkValid();
        DialogState d = ua.uas.state(origin);
        if (d.mode != UAMode.UAS) {
            throw new IllegalStateException("only the side that received the dialog-creating request opens more dialogs");
        }
        SipSessionImpl s = ua.uas.derive(origin);
        return ua.inDialogRequest(s, method);
    }
}
