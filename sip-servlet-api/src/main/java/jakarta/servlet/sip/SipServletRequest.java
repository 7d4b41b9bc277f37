package jakarta.servlet.sip;

import java.io.BufferedReader;
import java.io.IOException;

import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.sip.ar.SipApplicationRoutingDirective;
import jakarta.servlet.sip.ar.SipApplicationRoutingRegion;

/**
 * A SIP request, received by the application or created by it. An application handles a
 * received request in one of three ways: as a user agent server (it creates and sends
 * responses), as a proxy ({@link #getProxy()}) or as a back-to-back user agent
 * ({@link #getB2buaHelper()}).
 */
public interface SipServletRequest extends ServletRequest, SipServletMessage {

    /**
     * Returns the Request-URI.
     *
     * @return the request URI
     */
    URI getRequestURI();

    /**
     * Sets the Request-URI of a request the application is about to send.
     *
     * @param uri the new request URI
     * @throws NullPointerException if {@code uri} is {@code null}
     * @throws IllegalStateException if the request is committed
     */
    void setRequestURI(URI uri);

    /**
     * Adds a Route header at the top of the route set, making the request visit {@code uri} first.
     *
     * @param uri the route to push; add the {@code lr} parameter for a loose router
     * @throws IllegalStateException if the request is committed
     */
    void pushRoute(SipURI uri);

    /**
     * Adds a Route header at the top of the route set, making the request visit {@code uri} first.
     *
     * @param uri the route to push, as an address
     * @throws IllegalStateException if the request is committed
     * @since 1.1
     */
    void pushRoute(Address uri);

    /**
     * Returns the Max-Forwards value.
     *
     * @return the value, or -1 if the request has no Max-Forwards header
     */
    int getMaxForwards();

    /**
     * Sets the Max-Forwards value.
     *
     * @param n the value, from 0 to 255
     * @throws IllegalArgumentException if {@code n} is out of range
     * @throws IllegalStateException if the request is committed
     */
    void setMaxForwards(int n);

    /**
     * Returns the Max-Breadth value (RFC 5393): how many parallel branches the request may still
     * be forked into.
     *
     * @return the value, or -1 if the request has no Max-Breadth header
     * @since 2.0
     */
    int getMaxBreadth();

    /**
     * Sets the Max-Breadth value (RFC 5393).
     *
     * @param n the value, at least 0
     * @throws IllegalStateException if the request is committed
     * @since 2.0
     */
    void setMaxBreadth(int n);

    /**
     * Sends this request.
     *
     * @throws IOException if a transport error occurs
     * @throws IllegalStateException if the request cannot be sent in its current state
     */
    @Override
    void send() throws IOException;

    /**
     * Tells whether this request is initial, that is outside any dialog and not associated with
     * an existing session, so that application routing applies to it.
     *
     * @return {@code true} for an initial request
     */
    boolean isInitial();

    /**
     * SIP bodies are not streamed; this always returns {@code null}. Use
     * {@link #getContent()} or {@link #getRawContent()}.
     *
     * @return {@code null}
     * @throws IOException never in practice
     */
    @Override
    ServletInputStream getInputStream() throws IOException;

    /**
     * SIP bodies are not streamed; this always returns {@code null}. Use
     * {@link #getContent()} or {@link #getRawContent()}.
     *
     * @return {@code null}
     * @throws IOException never in practice
     */
    @Override
    BufferedReader getReader() throws IOException;

    /**
     * Returns the proxy operation of this request, creating it if necessary.
     *
     * @return the proxy
     * @throws TooManyHopsException if Max-Forwards is 0
     * @throws IllegalStateException if the request was not received, the application already
     *         responded to it or acts on it as a B2BUA
     */
    Proxy getProxy() throws TooManyHopsException;

    /**
     * Returns the proxy operation of this request.
     *
     * @param create whether to create the proxy if it does not exist yet
     * @return the proxy, or {@code null} if none exists and {@code create} is {@code false}
     * @throws TooManyHopsException if a proxy must be created and Max-Forwards is 0
     * @throws IllegalStateException if a proxy must be created and the request was not received,
     *         the application already responded to it or acts on it as a B2BUA
     */
    Proxy getProxy(boolean create) throws TooManyHopsException;

    /**
     * Creates a response to this request with the default reason phrase.
     *
     * @param statuscode the status code
     * @return the new response, not yet sent
     * @throws IllegalArgumentException if {@code statuscode} is not a valid status code
     * @throws IllegalStateException if the request is an ACK or already has a final response
     */
    SipServletResponse createResponse(int statuscode);

    /**
     * Creates a response to this request with the given reason phrase.
     *
     * @param statusCode the status code
     * @param reasonPhrase the reason phrase
     * @return the new response, not yet sent
     * @throws IllegalArgumentException if {@code statusCode} is not a valid status code
     * @throws IllegalStateException if the request is an ACK or already has a final response
     */
    SipServletResponse createResponse(int statusCode, String reasonPhrase);

    /**
     * Creates a CANCEL for this request, which the application sent and which has no final response yet.
     *
     * @return the CANCEL request, not yet sent
     * @throws IllegalStateException if the request was not sent by this application or already
     *         has a final response
     */
    SipServletRequest createCancel();

    /**
     * Returns the B2BUA helper of this request; from then on the request cannot be proxied.
     *
     * @return the B2BUA helper
     * @throws IllegalStateException if the request is being proxied
     * @since 1.1
     */
    B2buaHelper getB2buaHelper();

    /**
     * Returns the Route header the container removed from this request because it pointed at
     * this container, for the application currently invoked.
     *
     * @return the popped route, or {@code null} if none was removed
     * @since 1.1
     */
    Address getPoppedRoute();

    /**
     * Returns the Route header the container removed from this request when it first arrived
     * from outside the container.
     *
     * @return the initial popped route, or {@code null} if none was removed
     * @since 1.1
     */
    Address getInitialPoppedRoute();

    /**
     * Tells the application router how a new initial request relates to the request it was made
     * from. Ignored unless the application sends this request as an initial request.
     *
     * @param directive {@code NEW}, {@code CONTINUE} or {@code REVERSE}
     * @param origRequest the request this one continues or reverses; may be {@code null} for
     *        {@code NEW}
     * @throws IllegalStateException if this request is not an initial request the application
     *         created, or was already sent
     * @since 1.1
     */
    void setRoutingDirective(SipApplicationRoutingDirective directive, SipServletRequest origRequest)
            throws IllegalStateException;

    /**
     * Returns the routing directive of this initial request.
     *
     * @return the directive
     * @throws IllegalStateException if this request is not an initial request
     * @since 1.1
     */
    SipApplicationRoutingDirective getRoutingDirective() throws IllegalStateException;

    /**
     * Returns the routing region in which the application was invoked for this request.
     *
     * @return the region, or {@code null} for a request that is not initial
     * @since 1.1
     */
    SipApplicationRoutingRegion getRegion();

    /**
     * Returns the subscriber the application was invoked for with this request.
     *
     * @return the subscriber URI, or {@code null} if the application router gave none
     * @since 1.1
     */
    URI getSubscriberURI();

    /**
     * Adds to this request the Authorization or Proxy-Authorization headers answering the
     * challenges of a 401 or 407 response, using the credentials of {@code authInfo}.
     *
     * @param challengeResponse the 401 or 407 response
     * @param authInfo the credentials, per realm
     * @since 1.1
     */
    void addAuthHeader(SipServletResponse challengeResponse, AuthInfo authInfo);

    /**
     * Adds to this request the Authorization or Proxy-Authorization headers answering the
     * challenges of a 401 or 407 response, using one user name and password for all realms.
     *
     * @param challengeResponse the 401 or 407 response
     * @param username the user name
     * @param password the password
     * @since 1.1
     */
    void addAuthHeader(SipServletResponse challengeResponse, String username, String password);

    /**
     * Returns an identifier of this request, unique within its session, usable with
     * {@link SipSession#getActiveRequest(String)}.
     *
     * @return the request identifier
     * @since 2.0
     */
    String getId();

    /**
     * Returns the final response sent or received for this request.
     *
     * @return the final response, or {@code null} if there is none yet
     * @since 2.0
     */
    SipServletResponse getFinalResponse();

    /**
     * For an ACK or PRACK, returns the response it acknowledges.
     *
     * @return the acknowledged response, or {@code null} for other requests
     * @since 2.0
     */
    SipServletResponse getAcknowledgedResponse();

    /**
     * Creates an extra invite branch for this received INVITE, so that the application, as UAS,
     * can answer it on one more dialog (with its own To tag and session).
     *
     * @return the new invite branch
     * @throws IllegalStateException if this is not a received INVITE, or it already has a final response
     * @since 2.0
     */
    InviteBranch createInviteBranch();

    /**
     * Tells whether the Request-URI of this request resolves to this container.
     *
     * @return {@code true} if the request URI points at this container
     * @since 2.0
     */
    boolean isRequestUriInternal();
}
