package org.olelo.container.internal.ua;

import jakarta.servlet.sip.Proxy;
import org.olelo.container.internal.message.SipServletRequestImpl;
import org.olelo.container.internal.session.SessionRole;
import org.olelo.container.internal.session.SipSessionImpl;

/**
 * The role of a user-agent session that is a leg of a back-to-back user agent (JSR 289 §12.3): its
 * received initial request can no longer be proxied, and it may be linked to the session of the
 * other leg. A session becomes a leg when its application asks for the B2BUA helper of its initial
 * request, or when the helper creates or links it. Runs on the application session's executor.
 */
public final class B2buaLeg extends UaRole {

    /** The session of the other leg, or null. */
    volatile SipSessionImpl linked;

    private B2buaLeg(UserAgent ua, SipSessionImpl session, DialogState d) {
        super(ua, session, d);
    }

    /**
     * Makes {@code s} a B2BUA leg (with dialog state, created for a session that received its
     * initial request), or returns it when it is one.
     *
     * @throws IllegalStateException when the session proxies
     */
    static B2buaLeg of(UserAgent ua, SipSessionImpl s) {
        SessionRole r = s.role();
        if (r instanceof B2buaLeg leg) {
            return leg;
        }
        if (!(r instanceof UserAgentRole)) {
            throw new IllegalStateException("the request is already proxied");
        }
        B2buaLeg leg = new B2buaLeg(ua, s, ua.uas.state(s));
        s.takeRole(leg);
        return leg;
    }

    /** The other leg's session, or null. */
    static SipSessionImpl linkedTo(SipSessionImpl s) {
        return s.role() instanceof B2buaLeg leg ? leg.linked : null;
    }

    @Override
    public SipSessionImpl linkedLeg() {
        return linked;
    }

    @Override
    public Proxy proxy(SipServletRequestImpl request) {
        throw new IllegalStateException("the request is handled as a B2BUA; it cannot also be proxied");
    }
}
