package jakarta.servlet.sip;

import jakarta.servlet.ServletException;

/**
 * Thrown when a provisional response cannot be sent reliably (RFC 3262) or a PRACK cannot be
 * created for it. {@link #getReason()} tells why.
 */
public class Rel100Exception extends ServletException {

    private static final long serialVersionUID = 1L;

    /** Reason code: the response is not a 1xx response other than 100. */
    public static final int NOT_1XX = 0;

    /** Reason code: the response is not a response to an INVITE. */
    public static final int NOT_INVITE = 1;

    /** Reason code: the request did not announce support for 100rel (Supported or Require header). */
    public static final int NO_REQ_SUPPORT = 2;

    /** Reason code: the container does not support reliable provisional responses. */
    public static final int NOT_SUPPORTED = 3;

    /** Reason code: the response is provisional but was not sent reliably, so it cannot be PRACKed. */
    public static final int NOT_100rel = 4;

    /** The reason code given to the constructor. */
    private final int reason;

    /**
     * Creates an exception for one of the reason codes of this class.
     *
     * @param reason the reason code
     */
    public Rel100Exception(int reason) {
        this.reason = reason;
    }

    /**
     * Returns the reason code given to the constructor.
     *
     * @return one of {@link #NOT_1XX}, {@link #NOT_INVITE}, {@link #NO_REQ_SUPPORT},
     *         {@link #NOT_SUPPORTED} or {@link #NOT_100rel}, or any other value given
     */
    public int getReason() {
        return reason;
    }

    /**
     * Describes the reason code in English.
     *
     * @return a message for the reason code
     */
    @Override
    public String getMessage() {
        return switch (reason) {
            case NOT_1XX -> "response is not a 1xx response other than 100";
            case NOT_INVITE -> "response does not answer an INVITE";
            case NO_REQ_SUPPORT -> "request does not indicate support for 100rel";
            case NOT_SUPPORTED -> "container does not support 100rel";
            case NOT_100rel -> "provisional response was not sent reliably";
            default -> "reliable provisional response failed (reason " + reason + ")";
        };
    }
}
