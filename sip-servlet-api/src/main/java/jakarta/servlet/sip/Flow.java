package jakarta.servlet.sip;

/**
 * A transport-level flow (RFC 5626) between this container and a remote SIP entity, for example
 * a connection an outbound-capable client registered through. Messages can be pinned to a flow
 * with {@link SipSession#setFlow(Flow)}, {@link Proxy#setFlow(Flow)} or
 * {@link ProxyBranch#setFlow(Flow)}.
 *
 * @since 2.0
 */
public interface Flow {

    /**
     * Returns the opaque token that identifies this flow; it can be stored (for example in a
     * registrar's bindings) and later turned back into the flow with
     * {@link SipServletContext#getFlow(String)}.
     *
     * @return the flow token
     */
    String getToken();

    /**
     * Returns the local end of the flow: host, port and transport of this container.
     *
     * @return the local address as a SIP URI
     */
    SipURI getLocalURI();

    /**
     * Returns the remote end of the flow: host, port and transport of the peer.
     *
     * @return the remote address as a SIP URI
     */
    SipURI getRemoteURI();

    /**
     * Tells the container that the application no longer needs this flow, so that it may close
     * the underlying connection once nothing else uses it.
     */
    void release();

    /**
     * Tells whether the flow can still carry messages.
     *
     * @return {@code true} if the flow is up, {@code false} once it has failed or been released
     */
    boolean isActive();
}
