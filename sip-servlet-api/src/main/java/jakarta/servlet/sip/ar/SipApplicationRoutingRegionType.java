package jakarta.servlet.sip.ar;

/**
 * The kinds of routing regions in which an application can be invoked.
 */
public enum SipApplicationRoutingRegionType {
    /** The application serves the calling party. */
    ORIGINATING,
    /** The application serves the called party. */
    TERMINATING,
    /** The application serves neither party in particular. */
    NEUTRAL
}
