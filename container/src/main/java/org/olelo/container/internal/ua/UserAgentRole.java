package org.olelo.container.internal.ua;

import jakarta.servlet.sip.B2buaHelper;
import jakarta.servlet.sip.Rel100Exception;
import jakarta.servlet.sip.SipSession;
import java.util.function.BiFunction;
import org.olelo.container.internal.message.SipServletRequestImpl;
import org.olelo.container.internal.message.SipServletResponseImpl;
import org.olelo.container.internal.security.ClientDigest;
import org.olelo.container.internal.session.SessionRole;
import org.olelo.container.internal.session.SipSessionImpl;

/**
 * What the user-agent roles share: a session whose application answers the requests it receives
 * and sends its own ({@link UndecidedRole} before it has dialog state, {@link UaRole} with it,
 * {@link B2buaLeg} for a leg of a back-to-back user agent). Runs on the application session's
 * executor; never blocks.
 */
public abstract class UserAgentRole implements SessionRole {

    final UserAgent ua;
    final SipSessionImpl session;

    UserAgentRole(UserAgent ua, SipSessionImpl session) {
        this.ua = ua;
        this.session = session;
    }

    /** The user-agent role of a session, or null for a session that proxies (or has no role yet). */
    public static UserAgentRole of(SipSessionImpl s) {
        return s.role() instanceof UserAgentRole r ? r : null;
    }

    /** The user agent the session's dialogs belong to. */
    public UserAgent userAgent() {
        return ua;
    }

    /** The initial request the session received and answers itself, or null for a session that sent its own. */
    public abstract SipServletRequestImpl receivedInitialRequest();

    @Override
    public B2buaHelper b2buaHelper(SipServletRequestImpl request) {
        if (request.transaction() != null && request.isInitial()) {
            B2buaLeg.of(ua, session); // the request can no longer be proxied
        }
        return new B2buaHelperImpl(ua);
    }

    @Override
    public void authorize(SipServletRequestImpl request, SipServletResponseImpl challenge,
                          BiFunction<String, Integer, String[]> credentials) {
        ClientDigest.authorize(request, challenge, credentials);
    }

    @Override
    public void send(SipServletResponseImpl response) {
        ua.uas.send(response, session);
    }

    @Override
    public void sendReliably(SipServletResponseImpl response) throws Rel100Exception {
        ua.reliable.sendReliably(response);
    }

    /** terminateDialog's checks, before the role creates or reads any dialog state. */
    void checkTerminable() {
        if (!session.isValid() || session.getState() == SipSession.State.TERMINATED) {
            throw new IllegalStateException("the session is already terminated or invalidated");
        }
    }
}
