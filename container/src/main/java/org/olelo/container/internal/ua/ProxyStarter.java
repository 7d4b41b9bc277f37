package org.olelo.container.internal.ua;

import jakarta.servlet.sip.Proxy;
import org.olelo.container.internal.message.SipServletRequestImpl;
import org.olelo.container.internal.session.SipSessionImpl;

/**
 * How a user-agent role hands its session over to a proxy when the application proxies the
 * initial request it received: the container, which knows the proxy and the application, creates
 * the proxy and gives the session the proxy role. Called on the application session's executor.
 */
@FunctionalInterface
public interface ProxyStarter {

    /**
     * Creates the proxy of {@code request}, the initial request {@code session} received; the
     * session plays the proxy role afterwards.
     */
    Proxy start(SipServletRequestImpl request, SipSessionImpl session);
}
