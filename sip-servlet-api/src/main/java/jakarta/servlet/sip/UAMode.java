package jakarta.servlet.sip;

/**
 * The role an application plays on a SIP session or transaction.
 *
 * @since 1.1
 */
public enum UAMode {

    /** User agent client: the application sent the request. */
    UAC,

    /** User agent server: the application received the request. */
    UAS
}
