package org.olelo.container.internal.message;

import jakarta.servlet.sip.Address;
import jakarta.servlet.sip.URI;
import jakarta.servlet.sip.ar.SipApplicationRoutingDirective;
import jakarta.servlet.sip.ar.SipApplicationRoutingRegion;
import java.io.Serializable;

/**
 * How application selection reached the application of an initial request (JSR 289 §15), as one
 * immutable value: set once when the container binds a received request to its session, shared by
 * the requests received later in that session, and replaced whole by
 * {@code setRoutingDirective} on a request an application creates. Made on a transport reader
 * thread or an application session executor and read on any thread.
 *
 * @param region             the routing region the application serves, or null
 * @param subscriber         the subscriber URI the application serves, or null
 * @param stateInfo          the application router's state info for the application, or null
 * @param internallyRouted   true when another application of this server sent the request
 * @param poppedRoute        the route the application sees as popped instead of the one the core
 *                           removed (an internal route the router returned), or null
 * @param initialPoppedRoute the route popped when the request first entered this server, or null
 * @param directive          the routing directive ({@code NEW} unless an application set another)
 * @param origin             the request an application named with {@code setRoutingDirective}, whose
 *                           selection this one continues, or null
 * @param initialSender      for an internally routed request, who sent it to this server before the
 *                           applications it passed (null when one of them created it); else unused
 */
public record RequestRouting(SipApplicationRoutingRegion region, URI subscriber, Serializable stateInfo,
                             boolean internallyRouted, Address poppedRoute, Address initialPoppedRoute,
                             SipApplicationRoutingDirective directive, SipServletRequestImpl origin,
                             InitialSender initialSender) {

    /** No routing: a request an application created, before it sets a directive. */
    public static final RequestRouting NONE = new RequestRouting(null, null, null, false, null, null,
            SipApplicationRoutingDirective.NEW, null, null);

    /** The outcome of application selection for a received initial request (directive {@code NEW}). */
    public static RequestRouting selected(SipApplicationRoutingRegion region, URI subscriber, Serializable stateInfo,
                                          boolean internallyRouted, Address poppedRoute, Address initialPoppedRoute,
                                          InitialSender initialSender) {
        return new RequestRouting(region, subscriber, stateInfo, internallyRouted, poppedRoute, initialPoppedRoute,
                SipApplicationRoutingDirective.NEW, null, initialSender);
    }

    /** This routing with the directive and original request an application gave. */
    RequestRouting withDirective(SipApplicationRoutingDirective d, SipServletRequestImpl orig) {
        return new RequestRouting(region, subscriber, stateInfo, internallyRouted, poppedRoute, initialPoppedRoute, d, orig,
                initialSender);
    }
}
