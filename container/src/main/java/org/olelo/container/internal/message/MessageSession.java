package org.olelo.container.internal.message;

import jakarta.servlet.sip.SipSession;
import org.olelo.core.SipCore;

/**
 * The SIP session as its messages see it: the role it plays now, which the messages delegate to
 * (proxy, user agent, B2BUA leg), the routing of the request that started it, and the core its
 * messages travel through. Implemented by the session layer above, so that messages need not know
 * it.
 *
 * <p>Read on any thread (the role and the routing are published safely); the role changes on the
 * application session's executor.
 */
public interface MessageSession extends SipSession {

    /** The role the session plays now; never null. */
    MessageRole role();

    /**
     * How the application router chose the session's application for the request that started
     * it (shared by the requests received later in the session), or null for a session an
     * application created.
     */
    RequestRouting routing();

    /** The SIP core the session's messages travel through. */
    SipCore core();
}
