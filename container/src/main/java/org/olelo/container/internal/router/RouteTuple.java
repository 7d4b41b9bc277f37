package org.olelo.container.internal.router;

import jakarta.servlet.sip.ar.SipApplicationRoutingRegion;
import jakarta.servlet.sip.ar.SipRouteModifier;

import java.util.List;
import java.util.Objects;

/**
 * One tuple of the routing file: which application to try next and with what
 * region, subscriber, route and conditions. Immutable; any thread.
 *
 * @param application the application name
 * @param subscriber  {@code DAR:<header>} or a literal URI; empty for none
 * @param region      the routing region
 * @param route       a route URI, or empty
 * @param modifier    the route modifier
 * @param stateInfo   the 6th field as written (kept for compatibility; order comes from the file)
 * @param conditions  the conditions of the optional 7th field; all must hold
 * @param line        the line where the tuple starts
 */
public record RouteTuple(String application, String subscriber, SipApplicationRoutingRegion region, String route,
                         SipRouteModifier modifier, String stateInfo, List<Condition> conditions, int line) {

    /** Validates and freezes the components. */
    public RouteTuple {
        Objects.requireNonNull(application, "application");
        Objects.requireNonNull(subscriber, "subscriber");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(modifier, "modifier");
        conditions = List.copyOf(conditions);
    }

    /**
     * @return whether the tuple sends the request to a route instead of an application
     *         ({@code ROUTE}, or {@code ROUTE_BACK} that brings it back afterwards); such a tuple
     *         is chosen whether or not an application of its name is deployed
     */
    public boolean routesOut() {
        return (modifier == SipRouteModifier.ROUTE || modifier == SipRouteModifier.ROUTE_BACK) && !route.isEmpty();
    }
}
