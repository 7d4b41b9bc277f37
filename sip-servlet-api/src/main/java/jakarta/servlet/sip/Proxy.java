package jakarta.servlet.sip;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * The proxy operation of one incoming request, obtained from {@link SipServletRequest#getProxy()}.
 * Forwarding happens on {@link ProxyBranch}es, created either by {@link #proxyTo(URI)} /
 * {@link #proxyTo(List)} (created and started at once) or by {@link #createProxyBranches(List)}
 * followed by {@link #startProxy()}. Settings made on the proxy are the defaults of the branches
 * created afterwards; most of them must be made before proxying starts.
 *
 * <p>Proxying is always transaction-stateful. Once the best final response has been forwarded
 * upstream, the proxy operation is complete and methods that would forward the request again
 * throw {@link IllegalStateException}.
 */
public interface Proxy {

    /**
     * Returns the request received from upstream that is being proxied.
     *
     * @return the original request
     */
    SipServletRequest getOriginalRequest();

    /**
     * Proxies the request to one destination: creates a branch for {@code uri} and starts it.
     *
     * @param uri the destination; a SIP or SIPS URI, or a URI the container can resolve to one
     * @throws IllegalStateException if the transaction is already complete
     * @throws IllegalArgumentException if the URI scheme is not supported for proxying
     * @throws NullPointerException if {@code uri} is {@code null}
     * @throws InsufficientBreadthException if the request's Max-Breadth does not allow another branch
     */
    void proxyTo(URI uri);

    /**
     * Proxies the request to several destinations, in parallel or in sequence according to
     * {@link #getParallel()}: creates a branch for each URI and starts them.
     *
     * @param uris the destinations
     * @throws IllegalStateException if the transaction is already complete
     * @throws IllegalArgumentException if one of the URIs has a scheme not supported for proxying
     * @throws NullPointerException if {@code uris} is {@code null}
     * @throws InsufficientBreadthException if the request's Max-Breadth does not allow that many branches
     */
    void proxyTo(List<? extends URI> uris);

    /**
     * Cancels the proxy operation: cancels every outstanding branch, which makes the proxy send
     * its best final response upstream.
     *
     * @throws IllegalStateException if the transaction is already complete
     */
    void cancel();

    /**
     * Like {@link #cancel()}, adding a Reason header (RFC 3326) to each CANCEL built from the
     * parallel arrays given. Arrays may be {@code null} if no Reason header is wanted.
     *
     * @param protocol the protocol of each reason, for example {@code "SIP"} or {@code "Q.850"}
     * @param reasonCode the cause of each reason
     * @param reasonText the text of each reason
     * @throws IllegalStateException if the transaction is already complete
     * @throws IllegalArgumentException if the arrays do not have the same length
     */
    void cancel(String[] protocol, int[] reasonCode, String[] reasonText);

    /**
     * Tells whether the proxy follows redirects itself by proxying to the Contacts of 3xx responses.
     *
     * @return the recurse flag; {@code true} by default
     */
    boolean getRecurse();

    /**
     * Sets whether 3xx responses are followed automatically, creating recursed branches.
     *
     * @param recurse the new recurse flag
     */
    void setRecurse(boolean recurse);

    /**
     * Tells whether the proxy inserts a Record-Route header so that it stays on the path of
     * subsequent requests of the dialog.
     *
     * @return the record-route flag; {@code false} by default
     */
    boolean getRecordRoute();

    /**
     * Sets whether the proxy record-routes. When it does, the servlet is also invoked for the
     * subsequent requests of the dialog.
     *
     * @param rr the new record-route flag
     * @throws IllegalStateException if proxying has already started
     */
    void setRecordRoute(boolean rr);

    /**
     * Tells whether branches are tried all at once (parallel) or one after the other (sequential).
     *
     * @return {@code true} for parallel search, the default
     */
    boolean getParallel();

    /**
     * Chooses between parallel and sequential search.
     *
     * @param parallel {@code true} for parallel search, {@code false} for sequential search
     */
    void setParallel(boolean parallel);

    /**
     * Formerly told whether proxying is transaction-stateful; proxying is now always stateful.
     *
     * @return always {@code true}
     * @deprecated proxying is always stateful
     */
    @Deprecated
    boolean getStateful();

    /**
     * Formerly chose stateful or stateless proxying; has no effect.
     *
     * @param stateful ignored
     * @deprecated proxying is always stateful
     */
    @Deprecated
    void setStateful(boolean stateful);

    /**
     * Tells whether the servlet is invoked for the responses of this proxy operation.
     *
     * @return the supervised flag; {@code true} by default
     */
    boolean getSupervised();

    /**
     * Sets whether the servlet is invoked for responses (and, when record-routing, for subsequent
     * requests) of this proxy operation.
     *
     * @param supervised the new supervised flag
     */
    void setSupervised(boolean supervised);

    /**
     * Returns the proxy timeout: how long, in seconds, a branch (sequential search) or the whole
     * operation (parallel search) may wait for a final response before it is cancelled.
     *
     * @return the timeout in seconds
     */
    int getProxyTimeout();

    /**
     * Returns the sequential search timeout.
     *
     * @return the timeout in seconds
     * @deprecated use {@link #getProxyTimeout()}, which covers sequential search too
     */
    @Deprecated
    int getSequentialSearchTimeout();

    /**
     * Sets the proxy timeout; it also becomes the default timeout of branches created afterwards.
     *
     * @param seconds the timeout in seconds
     * @throws IllegalArgumentException if {@code seconds} is not positive
     */
    void setProxyTimeout(int seconds);

    /**
     * Sets the sequential search timeout.
     *
     * @param seconds the timeout in seconds
     * @deprecated use {@link #setProxyTimeout(int)}, which covers sequential search too
     */
    @Deprecated
    void setSequentialSearchTimeout(int seconds);

    /**
     * Returns the URI the proxy puts in its Record-Route header. The application may add
     * parameters to it; they come back in {@link SipServletRequest#getPoppedRoute()} of
     * subsequent requests.
     *
     * @return the Record-Route URI
     * @throws IllegalStateException if record-routing is not enabled
     */
    SipURI getRecordRouteURI();

    /**
     * Creates, without starting them, one branch per destination; start them with
     * {@link #startProxy()}.
     *
     * @param targets the destinations
     * @return the new branches, in the order of {@code targets}
     * @throws IllegalStateException if the transaction is already complete
     * @throws IllegalArgumentException if one of the URIs has a scheme not supported for proxying
     */
    List<ProxyBranch> createProxyBranches(List<? extends URI> targets);

    /**
     * Returns the top-level branch created for a destination.
     *
     * @param uri the destination
     * @return the branch, or {@code null} if no top-level branch targets {@code uri}
     */
    ProxyBranch getProxyBranch(URI uri);

    /**
     * Returns the top-level branches of this proxy operation; recursed branches are reached
     * through {@link ProxyBranch#getRecursedProxyBranches()}.
     *
     * @return the branches, empty if none was created
     */
    List<ProxyBranch> getProxyBranches();

    /**
     * Starts the branches created with {@link #createProxyBranches(List)} that are not started yet.
     *
     * @throws IllegalStateException if the transaction is already complete or there is no branch to start
     * @throws InsufficientBreadthException if the request's Max-Breadth does not allow that many branches
     */
    void startProxy();

    /**
     * Like {@link #startProxy()}, and the container calls {@code callback} with each branch just
     * before that branch is started, for example when a sequential search moves on to it.
     *
     * @param callback called with each branch about to be started
     * @throws IllegalStateException if the transaction is already complete or there is no branch to start
     * @throws InsufficientBreadthException if the request's Max-Breadth does not allow that many branches
     * @since 2.0
     */
    void startProxy(ProxyBranch.Callback callback);

    /**
     * Selects the local interface and port used to send the proxied requests and in the
     * Record-Route and Path headers.
     *
     * @param address one of the container's SIP listening points
     * @throws IllegalArgumentException if {@code address} is not a listening point of the container
     * @throws NullPointerException if {@code address} is {@code null}
     */
    void setOutboundInterface(InetSocketAddress address);

    /**
     * Selects the local interface used to send the proxied requests and in the Record-Route and
     * Path headers; the container chooses the port.
     *
     * @param address one of the container's SIP interfaces
     * @throws IllegalArgumentException if {@code address} is not an interface of the container
     * @throws NullPointerException if {@code address} is {@code null}
     */
    void setOutboundInterface(InetAddress address);

    /**
     * Sends the proxied requests over the given flow (RFC 5626) rather than by normal routing.
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
     * Tells whether the proxy adds a Path header (RFC 3327) to proxied REGISTER requests.
     *
     * @return the add-to-path flag; {@code false} by default
     */
    boolean getAddToPath();

    /**
     * Sets whether the proxy adds a Path header (RFC 3327) to proxied REGISTER requests.
     *
     * @param p the new add-to-path flag
     */
    void setAddToPath(boolean p);

    /**
     * Returns the URI the proxy puts in its Path header; the application may add parameters to it.
     *
     * @return the Path URI
     * @throws IllegalStateException if adding to the path is not enabled
     */
    SipURI getPathURI();

    /**
     * Sets whether the proxy leaves the other outstanding branches running, rather than cancelling
     * them, once a final response that ends the search has been received.
     *
     * @param noCancel {@code true} to keep the other branches going
     * @since 2.0
     */
    void setNoCancel(boolean noCancel);

    /**
     * Returns the flag set with {@link #setNoCancel(boolean)}.
     *
     * @return {@code true} if outstanding branches are not cancelled; {@code false} by default
     * @since 2.0
     */
    boolean getNoCancel();
}
