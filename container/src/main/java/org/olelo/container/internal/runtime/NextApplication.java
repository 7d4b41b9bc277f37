package org.olelo.container.internal.runtime;

import gov.nist.javax.sip.message.SIPRequest;
import jakarta.servlet.sip.ar.SipApplicationRoutingDirective;
import org.olelo.container.internal.message.SipServletRequestImpl;

/**
 * Application selection for an initial request an application sends on (JSR 289 §15): a proxy
 * branch or a request a user agent sends asks, before it resolves its next hop, whether another
 * application of this server comes next. The user-agent and proxy layers call it; the composer,
 * above them, implements it, so that they need not know the application router.
 *
 * <p>Called on application session executors; implementations do not block.
 */
public interface NextApplication {

    /** No application composition: every request goes to the network. */
    NextApplication NONE = (wire, directive, origRequest) -> null;

    /**
     * Asks for the next application of an initial request about to be sent.
     *
     * @param wire        the request about to be sent (routes the router returns may be pushed onto it)
     * @param directive   the routing directive ({@code NEW}, {@code CONTINUE}, {@code REVERSE})
     * @param origRequest the received request this one continues, or null (treated as {@code NEW})
     * @return the internal hop to the next application, or null when the request goes to the network
     */
    InternalHop beforeSendInitial(SIPRequest wire, SipApplicationRoutingDirective directive,
                                  SipServletRequestImpl origRequest);

    /**
     * The same for a request an application created and now sends (user agent client, B2BUA): the
     * directive and original request are those given to its {@code setRoutingDirective}
     * ({@code NEW} when none was).
     *
     * @param appRequest the initial request the application sends
     * @return the internal hop, or null when the request goes to the network
     */
    default InternalHop beforeSendInitial(SipServletRequestImpl appRequest) {
        SipApplicationRoutingDirective d = appRequest.isInitial() ? appRequest.getRoutingDirective()
                : SipApplicationRoutingDirective.NEW;
        return beforeSendInitial(appRequest.jainRequest(), d, appRequest.routingOrigin());
    }
}
