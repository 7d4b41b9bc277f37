package org.olelo.container.internal.ua;

import jakarta.servlet.sip.AutomaticProcessingListener;
import jakarta.servlet.sip.ForkingContext;
import jakarta.servlet.sip.InviteBranch;
import jakarta.servlet.sip.Proxy;
import jakarta.servlet.sip.SipServletRequest;
import jakarta.servlet.sip.UAMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.olelo.container.internal.message.SipServletRequestImpl;
import org.olelo.container.internal.session.SipSessionImpl;

/**
 * The role of a session that received an initial request which its application has neither
 * proxied nor answered in a way that needs dialog state: {@code getProxy} makes it a proxy
 * ({@link ProxyStarter}); answering with a dialog-creating response, creating a request, a
 * reliable provisional or a B2BUA leg makes it a {@link UaRole}. It holds only the request. Runs
 * on the application session's executor.
 */
public final class UndecidedRole extends UserAgentRole {

    private final SipServletRequestImpl initial;

    /** The role of {@code session}, which received {@code initial}. */
    public UndecidedRole(UserAgent ua, SipSessionImpl session, SipServletRequestImpl initial) {
        super(ua, session);
        this.initial = initial;
    }

    @Override
    public SipServletRequestImpl receivedInitialRequest() {
        return initial;
    }

    @Override
    public Proxy proxy(SipServletRequestImpl request) {
        return ua.proxies.start(request, session);
    }

    @Override
    public InviteBranch createInviteBranch(SipServletRequestImpl request) {
        return ua.uas.createInviteBranch(request);
    }

    @Override
    public SipServletRequest createRequest(String method) {
        return ua.uas.role(session).createRequest(method);
    }

    @Override
    public ForkingContext forkingContext() {
        return ua.uas.role(session).forkingContext();
    }

    @Override
    public Collection<SipServletRequest> activeRequests(UAMode mode) {
        List<SipServletRequest> out = new ArrayList<>(1);
        if (mode == UAMode.UAS && !initial.finalResponseSent()) {
            out.add(initial);
        }
        return out;
    }

    @Override
    public void terminateDialog(AutomaticProcessingListener listener) {
        checkTerminable();
        ua.uas.role(session).terminateDialog(listener);
    }

    @Override
    public boolean hangUp() {
        if (!initial.getMethod().equals("INVITE")) {
            return false;
        }
        terminateDialog(null);
        return true;
    }
}
