package jakarta.servlet.sip.ar;

import jakarta.servlet.sip.SipServletRequest;
import java.io.Serializable;
import java.util.List;
import java.util.Properties;

/**
 * The component that chooses, for each initial request, the next application to invoke. The
 * container creates one router, tells it about deployments and asks it for a decision every
 * time an initial request enters the container or is sent on by an application.
 */
public interface SipApplicationRouter {

    /** Called once after the router is created and before it receives any other call. */
    void init();

    /**
     * Called once after the router is created, with configuration given to the container,
     * instead of {@link #init()}.
     *
     * @param properties router configuration, possibly empty
     */
    void init(Properties properties);

    /** Called once when the container shuts the router down; it receives no call afterwards. */
    void destroy();

    /**
     * Informs the router that applications were deployed and may now be selected.
     *
     * @param newlyDeployedApplicationNames the names of the new applications
     */
    void applicationDeployed(List<String> newlyDeployedApplicationNames);

    /**
     * Informs the router that applications were removed and must no longer be selected.
     *
     * @param undeployedApplicationNames the names of the removed applications
     */
    void applicationUndeployed(List<String> undeployedApplicationNames);

    /**
     * Decides what happens next to an initial request.
     *
     * @param initialRequest the request, read-only for the router
     * @param region the region of the application that sent the request, or {@code null} when
     *        it came from outside the container
     * @param directive how the request relates to the one it was created from
     * @param targetedRequestInfo set when the request targets a particular application session,
     *        otherwise {@code null}
     * @param stateInfo the state returned by the previous decision in this chain, or
     *        {@code null}
     * @return the decision; {@code null} or an answer without application or route means that
     *         the request leaves the container following its request URI
     * @throws NullPointerException if {@code initialRequest} is {@code null}
     * @throws IllegalStateException if the router cannot take a decision in its current state
     */
    SipApplicationRouterInfo getNextApplication(SipServletRequest initialRequest,
            SipApplicationRoutingRegion region, SipApplicationRoutingDirective directive,
            SipTargetedRequestInfo targetedRequestInfo, Serializable stateInfo)
            throws NullPointerException, IllegalStateException;
}
