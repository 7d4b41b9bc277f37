package jakarta.servlet.sip;

/**
 * How the container serialises the execution of application code that works on the same
 * {@link SipApplicationSession}. Declared by an application, for example through the
 * {@code concurrencyMode} element of the {@code @SipApplication} annotation.
 *
 * @since 2.0
 */
public enum ConcurrencyMode {

    /** The container applies its own, vendor-defined concurrency policy (the default). */
    VENDORSPECIFIC,

    /**
     * The container never runs two pieces of application code (servlets, listeners, timers,
     * tasks) concurrently for the same {@link SipApplicationSession}.
     */
    APPLICATIONSESSION
}
