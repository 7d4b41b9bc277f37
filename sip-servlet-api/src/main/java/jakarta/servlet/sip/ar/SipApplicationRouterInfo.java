package jakarta.servlet.sip.ar;

import java.io.Serializable;

/**
 * The answer of the application router for one initial request: which application to invoke
 * next, on behalf of which subscriber and in which region, optional routes with a modifier
 * saying how to use them, and opaque state the router wants back on its next call for the same
 * chain.
 */
public class SipApplicationRouterInfo {

    private final String nextApplicationName;
    private final SipApplicationRoutingRegion routingRegion;
    private final String subscriberURI;
    private final String[] routes;
    private final SipRouteModifier mod;
    private final Serializable stateInfo;

    /**
     * Creates the answer.
     *
     * @param nextApplicationName the application to invoke, or {@code null} when none
     * @param routingRegion the region in which the application serves the request
     * @param subscriberURI the URI of the subscriber the application acts for
     * @param routes routes to push onto the request, as header values, possibly empty
     * @param mod how the container must treat {@code routes}
     * @param stateInfo router state returned on the next call for the same request chain
     */
    public SipApplicationRouterInfo(String nextApplicationName,
            SipApplicationRoutingRegion routingRegion, String subscriberURI, String[] routes,
            SipRouteModifier mod, Serializable stateInfo) {
        this.nextApplicationName = nextApplicationName;
        this.routingRegion = routingRegion;
        this.subscriberURI = subscriberURI;
        this.routes = routes == null ? null : routes.clone();
        this.mod = mod;
        this.stateInfo = stateInfo;
    }

    /**
     * Gives the name of the application selected to handle the request.
     *
     * @return the application name, or {@code null} when no application was selected
     */
    public String getNextApplicationName() {
        return nextApplicationName;
    }

    /**
     * Gives the routes the router wants pushed onto the request.
     *
     * @return a copy of the routes, or {@code null} when none were given
     */
    public String[] getRoutes() {
        return routes == null ? null : routes.clone();
    }

    /**
     * Gives the router state to hand back on the next routing call for this request chain.
     *
     * @return the state, possibly {@code null}
     */
    public Serializable getStateInfo() {
        return stateInfo;
    }

    /**
     * Gives the URI of the subscriber on whose behalf the application is invoked.
     *
     * @return the subscriber URI as text
     */
    public String getSubscriberURI() {
        return subscriberURI;
    }

    /**
     * Gives the region in which the selected application serves the request.
     *
     * @return the routing region
     */
    public SipApplicationRoutingRegion getRoutingRegion() {
        return routingRegion;
    }

    /**
     * Gives the instruction telling how to treat the returned routes.
     *
     * @return the route modifier
     */
    public SipRouteModifier getRouteModifier() {
        return mod;
    }
}
