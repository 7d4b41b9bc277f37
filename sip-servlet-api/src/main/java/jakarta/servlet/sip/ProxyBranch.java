package jakarta.servlet.sip;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * One destination of a {@link Proxy} operation: the request sent there and the responses that
 * came back. Top-level branches are created by the proxy; branches created by following a 3xx
 * response (recursion) hang below the branch that received it. Settings default to those of the
 * proxy and can be changed until the branch is started.
 *
 * @since 1.1
 */
public interface ProxyBranch {

    /**
     * Returns the request sent, or to be sent, on this branch. Before the branch is started the
     * application may modify it.
     *
     * @return the branch request
     */
    SipServletRequest getRequest();

    /**
     * Cancels this branch and the branches recursed from it.
     *
     * @throws IllegalStateException if the proxy transaction is already complete
     */
    void cancel();

    /**
     * Like {@link #cancel()}, adding a Reason header (RFC 3326) built from the parallel arrays given.
     *
     * @param protocol the protocol of each reason, for example {@code "SIP"} or {@code "Q.850"}
     * @param reasonCode the cause of each reason
     * @param reasonText the text of each reason
     * @throws IllegalStateException if the proxy transaction is already complete
     * @throws IllegalArgumentException if the arrays do not have the same length
     */
    void cancel(String[] protocol, int[] reasonCode, String[] reasonText);

    /**
     * Returns how long, in seconds, this branch waits for a final response before it is cancelled.
     *
     * @return the branch timeout in seconds
     */
    int getProxyBranchTimeout();

    /**
     * Sets the branch timeout. In a parallel search a value larger than the proxy timeout has no
     * effect beyond the proxy timeout.
     *
     * @param seconds the timeout in seconds
     * @throws IllegalArgumentException if {@code seconds} is not positive
     */
    void setProxyBranchTimeout(int seconds);

    /**
     * Tells whether 3xx responses received on this branch are followed automatically.
     *
     * @return the recurse flag
     */
    boolean getRecurse();

    /**
     * Sets whether 3xx responses received on this branch are followed automatically.
     *
     * @param recurse the new recurse flag
     */
    void setRecurse(boolean recurse);

    /**
     * Tells whether the request of this branch is record-routed.
     *
     * @return the record-route flag
     */
    boolean getRecordRoute();

    /**
     * Sets whether the request of this branch is record-routed.
     *
     * @param rr the new record-route flag
     * @throws IllegalStateException if the branch has already been started
     */
    void setRecordRoute(boolean rr);

    /**
     * Tells whether a Path header is added to the request of this branch.
     *
     * @return the add-to-path flag
     */
    boolean getAddToPath();

    /**
     * Sets whether a Path header (RFC 3327) is added to the request of this branch.
     *
     * @param p the new add-to-path flag
     * @throws IllegalStateException if the branch has already been started
     */
    void setAddToPath(boolean p);

    /**
     * Returns the URI put in the Record-Route header of this branch; parameters may be added to it.
     *
     * @return the Record-Route URI
     * @throws IllegalStateException if record-routing is not enabled on this branch
     */
    SipURI getRecordRouteURI();

    /**
     * Returns the URI put in the Path header of this branch; parameters may be added to it.
     *
     * @return the Path URI
     * @throws IllegalStateException if adding to the path is not enabled on this branch
     */
    SipURI getPathURI();

    /**
     * Selects the local interface and port this branch sends from and advertises.
     *
     * @param address one of the container's SIP listening points
     * @throws IllegalArgumentException if {@code address} is not a listening point of the container
     * @throws NullPointerException if {@code address} is {@code null}
     */
    void setOutboundInterface(InetSocketAddress address);

    /**
     * Sends the request of this branch over the given flow (RFC 5626) rather than by normal routing.
     *
     * @param flow the flow to use, or {@code null} to use normal routing
     * @since 2.0
     */
    void setFlow(Flow flow);

    /**
     * Returns the flow set with {@link #setFlow(Flow)}.
     *
     * @return the flow, or {@code null} if none is set
     * @since 2.0
     */
    Flow getFlow();

    /**
     * Selects the local interface this branch sends from and advertises; the container chooses the port.
     *
     * @param address one of the container's SIP interfaces
     * @throws IllegalArgumentException if {@code address} is not an interface of the container
     * @throws NullPointerException if {@code address} is {@code null}
     */
    void setOutboundInterface(InetAddress address);

    /**
     * Returns the latest response received on this branch, or its best final response once it has one.
     *
     * @return the response, or {@code null} if none has been received
     */
    SipServletResponse getResponse();

    /**
     * Tells whether the request of this branch has been sent.
     *
     * @return {@code true} once the branch has been started
     */
    boolean isStarted();

    /**
     * Returns the branches created by recursing on 3xx responses received on this branch.
     *
     * @return the recursed branches, empty if there are none
     */
    List<ProxyBranch> getRecursedProxyBranches();

    /**
     * Returns the proxy operation this branch belongs to.
     *
     * @return the proxy
     */
    Proxy getProxy();

    /**
     * Callback given to {@link Proxy#startProxy(Callback)}; called with each branch just before
     * the container starts it.
     *
     * @since 2.0
     */
    interface Callback {

        /**
         * Called with a branch about to be started; the branch request may still be modified.
         *
         * @param branch the branch
         */
        void handle(ProxyBranch branch);
    }
}
