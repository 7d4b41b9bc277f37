package jakarta.servlet.sip.ar;

/**
 * Tells the container what to do with the routes returned by the application router alongside
 * the next application.
 */
public enum SipRouteModifier {
    /**
     * The returned routes are external: the container pushes them onto the request and sends it
     * out instead of invoking an application.
     */
    ROUTE,
    /**
     * Like {@link #ROUTE}, and in addition the application router is not consulted again for
     * this request when it comes back to the container.
     */
    ROUTE_FINAL,
    /**
     * The container pushes the returned routes and then a route back to itself, so that the
     * request returns to this container after visiting them.
     */
    ROUTE_BACK,
    /** The returned routes, if any, are ignored. */
    NO_ROUTE
}
