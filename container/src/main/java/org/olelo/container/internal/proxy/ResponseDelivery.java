package org.olelo.container.internal.proxy;

import org.olelo.container.internal.message.SipServletResponseImpl;

/**
 * How a proxy shows a response to its application: the container invokes the servlet's
 * {@code service(null, response)} on the application session's executor (where the proxy already
 * runs). Implementations catch what the servlet throws.
 */
@FunctionalInterface
public interface ResponseDelivery {

    /** Delivers one response to the application's servlet. */
    void deliver(SipServletResponseImpl response);

    /** Delivery for container relays that have no application. */
    ResponseDelivery NONE = r -> { };
}
