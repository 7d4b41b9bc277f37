package jakarta.servlet.sip.ar;

/**
 * Describes an initial request that targets a particular application session: which mechanism
 * designated the target and which application owns it. The container passes it to the
 * application router.
 */
public class SipTargetedRequestInfo {

    private final SipTargetedRequestType targetedRequestType;
    private final String applicationName;

    /**
     * Creates the description.
     *
     * @param targetedRequestType the mechanism that designated the target
     * @param applicationName the name of the application owning the targeted session
     */
    public SipTargetedRequestInfo(SipTargetedRequestType targetedRequestType,
            String applicationName) {
        this.targetedRequestType = targetedRequestType;
        this.applicationName = applicationName;
    }

    /**
     * Gives the name of the application that owns the targeted session.
     *
     * @return the application name
     */
    public String getApplicationName() {
        return applicationName;
    }

    /**
     * Gives the mechanism that designated the target.
     *
     * @return the targeting mechanism
     */
    public SipTargetedRequestType getType() {
        return targetedRequestType;
    }
}
