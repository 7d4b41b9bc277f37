package org.olelo.apps.registrar.service;

import java.util.List;

/**
 * Where to send a request for one binding: the contact URI as the new Request-URI and the routes
 * to push in front of it. Immutable value; any thread.
 *
 * @param uri    the contact URI
 * @param routes the Route values to put on top, first hop first: the binding's Path values, or a
 *               loose route to the address the REGISTER came from when the contact is not that
 *               address (NAT); empty to send to the contact directly
 */
public record Target(String uri, List<String> routes) {

    /** Freezes the list. */
    public Target {
        routes = List.copyOf(routes);
    }
}
