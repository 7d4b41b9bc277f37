package jakarta.servlet.sip;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.Enumeration;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.sip.ar.SipApplicationRoutingRegion;

/**
 * The application's end of a point-to-point SIP relationship: a dialog, or the transaction of a
 * request sent or received outside a dialog. It belongs to a {@link SipApplicationSession} and
 * carries attributes of its own. Unless stated otherwise, methods throw
 * {@link IllegalStateException} once the session has been invalidated.
 */
public interface SipSession extends AttributeStore {

    /** The dialog state of a SIP session (RFC 3261 section 12). */
    enum State {

        /** No dialog yet: no provisional response with a To tag nor 2xx response has been sent or received. */
        INITIAL,

        /** An early dialog exists: a provisional response with a To tag has been sent or received. */
        EARLY,

        /** The dialog is confirmed: a 2xx response has been sent or received. */
        CONFIRMED,

        /** The dialog, or the session's transaction outside a dialog, has ended. */
        TERMINATED
    }

    /**
     * Returns when this session was created.
     *
     * @return the creation time in milliseconds since the epoch
     */
    long getCreationTime();

    /**
     * Returns the identifier of this session, unique within the container.
     *
     * @return the identifier
     */
    String getId();

    /**
     * Returns when a message of this session was last handled by the application.
     *
     * @return the last access time in milliseconds since the epoch
     */
    long getLastAccessedTime();

    /**
     * Makes the container end the dialog of this session on the application's behalf: it sends
     * CANCEL, BYE, an error response or a terminating NOTIFY as the dialog state requires. After
     * the call the application can send nothing more on the session and its servlets receive no
     * more messages of it. Only for dialogs created by INVITE, SUBSCRIBE or REFER where the
     * application acts as a user agent.
     *
     * @throws IllegalStateException if the session is invalid or does not represent such a dialog
     * @since 2.0
     */
    void terminateDialog();

    /**
     * Like {@link #terminateDialog()}, reporting the messages the container sends and receives
     * to a listener.
     *
     * @param listener receives the messages exchanged while terminating, or {@code null}
     * @throws IllegalStateException if the session is invalid or does not represent such a dialog
     * @since 2.0
     */
    void terminateDialog(AutomaticProcessingListener listener);

    /**
     * Makes the container end a dialog this application proxies with record-routing, by sending
     * BYE (or CANCEL, as the state requires) towards both parties.
     *
     * @throws IllegalStateException if the session is invalid or is not a record-routed proxy session
     * @since 2.0
     */
    void terminateProxiedDialog();

    /**
     * Like {@link #terminateProxiedDialog()}, reporting the messages the container sends and
     * receives to a listener.
     *
     * @param listener receives the messages exchanged while terminating, or {@code null}
     * @throws IllegalStateException if the session is invalid or is not a record-routed proxy session
     * @since 2.0
     */
    void terminateProxiedDialog(AutomaticProcessingListener listener);

    /**
     * Like {@link #terminateProxiedDialog()}, but ends the proxied dialog towards one party only.
     *
     * @param mode the side of the proxied dialog to terminate
     * @throws IllegalStateException if the session is invalid or is not a record-routed proxy session
     * @since 2.0
     */
    void terminateProxiedDialog(UAMode mode);

    /**
     * Like {@link #terminateProxiedDialog(UAMode)}, reporting the messages the container sends
     * and receives to a listener.
     *
     * @param mode the side of the proxied dialog to terminate
     * @param listener receives the messages exchanged while terminating, or {@code null}
     * @throws IllegalStateException if the session is invalid or is not a record-routed proxy session
     * @since 2.0
     */
    void terminateProxiedDialog(UAMode mode, AutomaticProcessingListener listener);

    /**
     * Invalidates this session and unbinds its attributes. It does not end the dialog; see
     * {@link #terminateDialog()}.
     */
    void invalidate();

    /**
     * Tells whether this session is ready to be invalidated, for example because its dialog has
     * ended or its transaction completed with no dialog created.
     *
     * @return {@code true} if the session is ready to be invalidated
     * @since 1.1
     */
    boolean isReadyToInvalidate();

    /**
     * Sets whether the container invalidates this session as soon as it is ready to be
     * invalidated. The default is {@code true} for applications of version 1.1 and later.
     *
     * @param invalidateWhenReady the new flag
     * @since 1.1
     */
    void setInvalidateWhenReady(boolean invalidateWhenReady);

    /**
     * Returns the invalidate-when-ready flag.
     *
     * @return {@code true} if the session is invalidated as soon as it is ready
     * @since 1.1
     */
    boolean getInvalidateWhenReady();

    /**
     * Returns the application session this session belongs to.
     *
     * @return the application session
     */
    SipApplicationSession getApplicationSession();

    /**
     * Returns the forking context this session belongs to.
     *
     * @return the forking context
     * @since 2.0
     */
    ForkingContext getForkingContext();

    /**
     * Returns the Call-ID of this session.
     *
     * @return the Call-ID
     */
    String getCallId();

    /**
     * Returns the address of the local party: the From of requests the application sends on the
     * session, or the To of requests it receives.
     *
     * @return the local address, tag included once known
     */
    Address getLocalParty();

    /**
     * Returns the address of the remote party: the To of requests the application sends on the
     * session, or the From of requests it receives.
     *
     * @return the remote address, tag included once known
     */
    Address getRemoteParty();

    /**
     * Creates a new request in this session, for example a BYE, re-INVITE or NOTIFY within the dialog.
     *
     * @param method the request method; not ACK or CANCEL (use
     *        {@link SipServletResponse#createAck()} and {@link SipServletRequest#createCancel()})
     * @return the new request, not yet sent
     * @throws IllegalArgumentException if {@code method} is ACK or CANCEL
     * @throws IllegalStateException if the session is invalid, terminated, or not one in which
     *         the application may send requests (for example a proxy session)
     */
    SipServletRequest createRequest(String method);

    /**
     * Chooses the servlet that receives the subsequent messages of this session.
     *
     * @param name the name of a servlet of this application
     * @throws ServletException if the application has no servlet with that name
     */
    void setHandler(String name) throws ServletException;

    /**
     * Returns the names of the attributes bound to this session.
     *
     * @return the attribute names
     * @deprecated use {@link #getAttributeNameSet()}
     */
    @Deprecated
    Enumeration<String> getAttributeNames();

    /**
     * Returns the dialog state of this session.
     *
     * @return the state
     * @since 1.1
     */
    State getState();

    /**
     * Selects the local listening point this session sends from and advertises in Contact and Via.
     *
     * @param address one of the container's SIP listening points
     * @throws IllegalArgumentException if {@code address} is not a listening point of the container
     * @throws NullPointerException if {@code address} is {@code null}
     * @since 1.1
     */
    void setOutboundInterface(InetSocketAddress address);

    /**
     * Selects the local interface this session sends from and advertises; the container chooses the port.
     *
     * @param address one of the container's SIP interfaces
     * @throws IllegalArgumentException if {@code address} is not an interface of the container
     * @throws NullPointerException if {@code address} is {@code null}
     * @since 1.1
     */
    void setOutboundInterface(InetAddress address);

    /**
     * Sends the requests of this session over the given flow (RFC 5626) rather than by normal routing.
     *
     * @param flow the flow to use, or {@code null} to use normal routing
     * @since 2.0
     */
    void setFlow(Flow flow);

    /**
     * Returns the flow this session uses.
     *
     * @return the flow set with {@link #setFlow(Flow)} or the one the session's dialog was
     *         created over, or {@code null}
     * @since 2.0
     */
    Flow getFlow();

    /**
     * Tells whether this session is still valid. Never throws.
     *
     * @return {@code false} once the session has been invalidated
     * @since 1.1
     */
    boolean isValid();

    /**
     * Returns the routing region in which the application was invoked for the initial request of
     * this session.
     *
     * @return the region
     * @since 1.1
     */
    SipApplicationRoutingRegion getRegion();

    /**
     * Returns the subscriber the application was invoked for with the initial request of this session.
     *
     * @return the subscriber URI
     * @throws IllegalStateException if the application was not invoked to serve a subscriber
     * @since 1.1
     */
    URI getSubscriberURI();

    /**
     * Returns the servlet context of the application this session belongs to.
     *
     * @return the servlet context
     * @since 2.0
     */
    ServletContext getServletContext();

    /**
     * Returns the session timer (RFC 4028) of this session's INVITE dialog.
     *
     * @return the session timer, or {@code null} if none is in use
     * @since 2.0
     */
    SessionKeepAlive getKeepAlive();

    /**
     * Returns an active request of this session, one whose transaction is not finished, by identifier.
     *
     * @param requestId the identifier returned by {@link SipServletRequest#getId()}
     * @return the request, or {@code null} if no active request has that identifier
     * @since 2.0
     */
    SipServletRequest getActiveRequest(String requestId);

    /**
     * Returns the active requests of this session sent or received in the given role.
     *
     * @param mode {@link UAMode#UAC} for requests sent, {@link UAMode#UAS} for requests received
     * @return the active requests, empty if there are none
     * @since 2.0
     */
    Collection<SipServletRequest> getActiveRequests(UAMode mode);

    /**
     * Returns the INVITE of this session, sent or received in the given role, whose transaction
     * is still going on.
     *
     * @param mode {@link UAMode#UAC} for an INVITE sent, {@link UAMode#UAS} for one received
     * @return the active INVITE, or {@code null} if there is none
     * @since 2.0
     */
    SipServletRequest getActiveInvite(UAMode mode);

    /**
     * Returns a reliable provisional response of this session that has not been PRACKed yet.
     *
     * @param provisionalResponseId the identifier returned by
     *        {@link SipServletResponse#getProvisionalResponseId()}
     * @return the response, or {@code null} if no unacknowledged response has that identifier
     * @since 2.0
     */
    SipServletResponse getUnacknowledgedProvisionalResponse(String provisionalResponseId);

    /**
     * Returns the reliable provisional responses of this session not PRACKed yet.
     *
     * @param mode {@link UAMode#UAC} for responses received, {@link UAMode#UAS} for responses sent
     * @return the responses, empty if there are none
     * @since 2.0
     */
    Collection<SipServletResponse> getUnacknowledgedProvisionalResponses(UAMode mode);

    /**
     * Returns the invite branch of this session's active INVITE.
     *
     * @return the invite branch, or {@code null} if there is no active INVITE
     * @since 2.0
     */
    InviteBranch getActiveInviteBranch();
}
