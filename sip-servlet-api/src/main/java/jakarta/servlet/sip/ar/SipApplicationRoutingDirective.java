package jakarta.servlet.sip.ar;

/**
 * How an initial request relates to an earlier one when it is handed to the application router.
 */
public enum SipApplicationRoutingDirective {
    /** The request starts a new chain of application selection. */
    NEW,
    /** The request carries on the selection of the request it was created from. */
    CONTINUE,
    /** The request continues the selection of its origin, but in the opposite direction. */
    REVERSE
}
