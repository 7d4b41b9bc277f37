package jakarta.servlet.sip.ar;

/**
 * The mechanisms by which an initial request can name the application session, and therefore
 * the application, it is aimed at.
 */
public enum SipTargetedRequestType {
    /** The request URI was produced by encoding an application session into it. */
    ENCODED_URI,
    /** The request carries a {@code Join} header (RFC 3911) naming an existing dialog. */
    JOIN,
    /** The request carries a {@code Replaces} header (RFC 3891) naming an existing dialog. */
    REPLACES
}
