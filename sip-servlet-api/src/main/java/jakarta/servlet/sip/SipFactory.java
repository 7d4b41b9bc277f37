package jakarta.servlet.sip;

/**
 * Creates the SIP objects an application builds itself: URIs, addresses, parameterable values,
 * requests, application sessions and authentication data. Available as the servlet context
 * attribute {@link SipServlet#SIP_FACTORY}, from {@link SipServletContext#getSipFactory()} and
 * by injection.
 */
public interface SipFactory {

    /**
     * Parses a URI; the result is a {@link SipURI} for {@code sip} and {@code sips} URIs, a
     * {@link TelURL} for {@code tel} URLs and a generic {@link URI} otherwise.
     *
     * @param uri the URI string
     * @return the parsed URI
     * @throws ServletParseException if {@code uri} is not a valid URI
     */
    URI createURI(String uri) throws ServletParseException;

    /**
     * Creates a {@code sip} URI from a user and a host.
     *
     * @param user the user part, or {@code null} for none
     * @param host the host: a domain name or an IP address
     * @return the new SIP URI
     */
    SipURI createSipURI(String user, String host);

    /**
     * Parses an address, that is the value of a header such as From, To or Contact, including
     * the wildcard {@code *}.
     *
     * @param sipAddress the address string, for example {@code "Alice" <sip:alice@example.com>;tag=1}
     * @return the parsed address
     * @throws ServletParseException if {@code sipAddress} is not a valid address
     */
    Address createAddress(String sipAddress) throws ServletParseException;

    /**
     * Creates an address for a URI, without display name.
     *
     * @param uri the URI, copied into the address
     * @return the new address
     */
    Address createAddress(URI uri);

    /**
     * Creates an address for a URI and a display name.
     *
     * @param uri the URI, copied into the address
     * @param displayName the display name, or {@code null} for none
     * @return the new address
     */
    Address createAddress(URI uri, String displayName);

    /**
     * Parses a header value made of a value and parameters, for example
     * {@code text/html; charset=utf-8}.
     *
     * @param s the string to parse
     * @return the parsed value
     * @throws ServletParseException if {@code s} cannot be parsed
     * @since 1.1
     */
    Parameterable createParameterable(String s) throws ServletParseException;

    /**
     * Creates an initial request in a new {@link SipSession} of the given application session.
     * From and To are copied, with any tag parameter removed; the container adds a From tag, a
     * Call-ID, a CSeq and a Max-Forwards, and sets the request URI from To.
     *
     * @param appSession the application session of the new SIP session
     * @param method the request method; not ACK or CANCEL
     * @param from the From address
     * @param to the To address
     * @return the new request, not yet sent
     * @throws IllegalArgumentException if {@code method} is ACK or CANCEL, or {@code appSession} is invalid
     */
    SipServletRequest createRequest(SipApplicationSession appSession, String method, Address from, Address to);

    /**
     * Creates an initial request as {@link #createRequest(SipApplicationSession, String, Address, Address)}
     * does, with From and To addresses built from URIs.
     *
     * @param appSession the application session of the new SIP session
     * @param method the request method; not ACK or CANCEL
     * @param from the From URI
     * @param to the To URI
     * @return the new request, not yet sent
     * @throws IllegalArgumentException if {@code method} is ACK or CANCEL, or {@code appSession} is invalid
     */
    SipServletRequest createRequest(SipApplicationSession appSession, String method, URI from, URI to);

    /**
     * Creates an initial request as {@link #createRequest(SipApplicationSession, String, Address, Address)}
     * does, parsing From and To from strings.
     *
     * @param appSession the application session of the new SIP session
     * @param method the request method; not ACK or CANCEL
     * @param from the From address as a string
     * @param to the To address as a string
     * @return the new request, not yet sent
     * @throws ServletParseException if {@code from} or {@code to} is not a valid address
     * @throws IllegalArgumentException if {@code method} is ACK or CANCEL, or {@code appSession} is invalid
     */
    SipServletRequest createRequest(SipApplicationSession appSession, String method, String from, String to)
            throws ServletParseException;

    /**
     * Creates a request for a new leg from a received request, copying its method, headers and
     * body into a new session of the same application session.
     *
     * @param origRequest the received request
     * @param sameCallId whether the new request keeps the Call-ID of {@code origRequest}
     * @return the new request, not yet sent
     * @deprecated use {@link B2buaHelper#createRequest(SipServletRequest, boolean, java.util.Map)}
     */
    @Deprecated
    SipServletRequest createRequest(SipServletRequest origRequest, boolean sameCallId);

    /**
     * Creates a new application session.
     *
     * @return the new application session
     */
    SipApplicationSession createApplicationSession();

    /**
     * Returns the application session identified by a key, creating it if it does not exist.
     * The same key later finds the same session through
     * {@link SipSessionsUtil#getApplicationSessionByKey(String, boolean)}.
     *
     * @param sipApplicationKey the key
     * @return the existing or new application session
     * @throws NullPointerException if {@code sipApplicationKey} is {@code null}
     * @since 1.1
     */
    SipApplicationSession createApplicationSessionByKey(String sipApplicationKey);

    /**
     * Creates an empty holder of credentials for answering authentication challenges.
     *
     * @return the new, empty authentication information
     * @since 1.1
     */
    AuthInfo createAuthInfo();
}
