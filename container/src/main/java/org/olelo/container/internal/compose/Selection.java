package org.olelo.container.internal.compose;

import jakarta.servlet.sip.Address;
import jakarta.servlet.sip.ar.SipApplicationRoutingRegion;
import java.io.Serializable;
import org.olelo.container.internal.log.CallRecord;
import org.olelo.container.internal.message.InitialSender;

/**
 * What application selection decided for a request this server received. Immutable; made on a
 * transport reader thread and read on the application session's executor.
 *
 * @param application        the application to invoke, or null for none
 * @param region             the routing region the application serves
 * @param subscriber         the subscriber URI the application serves, or null
 * @param stateInfo          the application router's state info, handed back when the application
 *                           sends the request on
 * @param internallyRouted   true when another application of this server sent the request
 * @param poppedRoute        the route the application sees as popped instead of the one the core
 *                           removed (an internal route returned by the router), or null
 * @param initialPoppedRoute the route popped when the request first entered this server, or null
 * @param relay              true when the router pushed routes onto the request and it is to be
 *                           relayed out without an application
 * @param call               for a request another application of this server sent on, the call log
 *                           record of the request that application received (the chain goes on in
 *                           it); else null
 * @param initialSender      for a request another application of this server sent on, who sent it
 *                           to this server first (null when that application created it); else null
 * @param targetSession      the id of the application session the request targets (encoded URI,
 *                           Join, Replaces) when the router chose its application; else null
 */
public record Selection(String application, SipApplicationRoutingRegion region, String subscriber,
                        Serializable stateInfo, boolean internallyRouted, Address poppedRoute,
                        Address initialPoppedRoute, boolean relay, CallRecord call, InitialSender initialSender,
                        String targetSession) {

    /** No application takes the request and the router asked for nothing. */
    static final Selection NONE = new Selection(null, null, null, null, false, null, null, false, null, null, null);

    /** The router pushed routes: the request leaves without an application. */
    static final Selection RELAY = new Selection(null, null, null, null, false, null, null, true, null, null, null);

    /**
     * This selection joining the targeted session when the router chose the targeted application
     * (JSR 289 §15.11.4); otherwise the target is ignored and this selection is returned.
     */
    Selection targeting(SessionTargets.Target t) {
        if (t == null || application == null || !application.equals(t.info().getApplicationName())) {
            return this;
        }
        return new Selection(application, region, subscriber, stateInfo, internallyRouted, poppedRoute,
                initialPoppedRoute, relay, call, initialSender, t.session());
    }
}
