package jakarta.servlet.sip;

import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.security.Principal;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Set;

/**
 * Common part of SIP requests and responses: headers, body, transport information, the sessions
 * the message belongs to and attributes (which are container-local and never sent).
 *
 * <p>Header names are case-insensitive and compact forms (RFC 3261 section 7.3.3) are accepted.
 * <em>System headers</em> are maintained by the container and cannot be modified through the
 * header methods; they include Call-ID, CSeq, Via, Route, Record-Route, Path, RAck and RSeq,
 * From and To (beyond what {@link Address} allows), and Contact (except where the application
 * supplies contacts, as in REGISTER requests and 3xx and 485 responses). Modifying a system
 * header throws {@link IllegalArgumentException}; modifying a committed message throws
 * {@link IllegalStateException}.
 *
 * <p>A message is <em>committed</em> once it has been sent, or when it was received and the
 * application cannot usefully change it any more (for example an incoming response).
 */
public interface SipServletMessage extends Cloneable, AttributeStore {

    /** The form in which the container writes header names of outgoing messages. */
    enum HeaderForm {

        /** Compact (single-letter) names wherever one exists, for example {@code v} for Via. */
        COMPACT,

        /** Full names, for example {@code Via}. */
        LONG,

        /** Names written as the application or the original message gave them. */
        DEFAULT
    }

    /**
     * Returns the From header. Its tag may not be changed; its display name and URI may be
     * changed on initial requests the application creates.
     *
     * @return the From address
     */
    Address getFrom();

    /**
     * Returns the To header. Its tag may not be changed; its display name and URI may be changed
     * on initial requests the application creates.
     *
     * @return the To address
     */
    Address getTo();

    /**
     * Returns the method of the request, or of the request a response answers.
     *
     * @return the method, for example {@code "INVITE"}
     */
    String getMethod();

    /**
     * Returns the protocol and version of the message.
     *
     * @return {@code "SIP/2.0"}
     */
    String getProtocol();

    /**
     * Returns the first value of a header.
     *
     * @param name the header name
     * @return the first value, or {@code null} if the message has no such header
     * @throws NullPointerException if {@code name} is {@code null}
     */
    String getHeader(String name);

    /**
     * Returns all values of a header, split at commas where the header allows a list; the
     * iterator may be used to modify non-system headers of an uncommitted message.
     *
     * @param name the header name
     * @return the values, empty if there are none
     * @throws NullPointerException if {@code name} is {@code null}
     */
    ListIterator<String> getHeaders(String name);

    /**
     * Returns all values of a header, as {@link #getHeaders(String)} does.
     *
     * @param name the header name
     * @return the values, empty if there are none
     * @throws NullPointerException if {@code name} is {@code null}
     * @since 2.0
     */
    List<String> getHeaderList(String name);

    /**
     * Returns the names of the headers present in this message.
     *
     * @return the header names
     */
    Iterator<String> getHeaderNames();

    /**
     * Returns the names of the headers present in this message.
     *
     * @return the header names
     * @since 2.0
     */
    List<String> getHeaderNameList();

    /**
     * Sets a header to a single value, replacing all its values.
     *
     * @param name the header name
     * @param value the value
     * @throws IllegalArgumentException if {@code name} is a system header
     * @throws IllegalStateException if the message is committed
     */
    void setHeader(String name, String value);

    /**
     * Adds a value to a header, after its existing values.
     *
     * @param name the header name
     * @param value the value
     * @throws IllegalArgumentException if {@code name} is a system header
     * @throws IllegalStateException if the message is committed
     */
    void addHeader(String name, String value);

    /**
     * Removes all values of a header.
     *
     * @param name the header name
     * @throws IllegalArgumentException if {@code name} is a system header
     * @throws IllegalStateException if the message is committed
     */
    void removeHeader(String name);

    /**
     * Returns the first value of an address header (such as Contact or Refer-To) parsed as an address.
     *
     * @param name the header name
     * @return the address, or {@code null} if the message has no such header
     * @throws ServletParseException if the value is not a valid address
     */
    Address getAddressHeader(String name) throws ServletParseException;

    /**
     * Returns all values of an address header parsed as addresses.
     *
     * @param name the header name
     * @return the addresses, empty if there are none
     * @throws ServletParseException if a value is not a valid address
     */
    ListIterator<Address> getAddressHeaders(String name) throws ServletParseException;

    /**
     * Returns all values of an address header parsed as addresses.
     *
     * @param name the header name
     * @return the addresses, empty if there are none
     * @throws ServletParseException if a value is not a valid address
     * @since 2.0
     */
    List<Address> getAddressHeaderList(String name) throws ServletParseException;

    /**
     * Sets an address header to a single value.
     *
     * @param name the header name
     * @param addr the address
     * @throws IllegalArgumentException if {@code name} is a system header or not an address header
     * @throws IllegalStateException if the message is committed
     */
    void setAddressHeader(String name, Address addr);

    /**
     * Adds a value to an address header.
     *
     * @param name the header name
     * @param addr the address
     * @param first {@code true} to insert it before the existing values, {@code false} to append it
     * @throws IllegalArgumentException if {@code name} is a system header or not an address header
     * @throws IllegalStateException if the message is committed
     */
    void addAddressHeader(String name, Address addr, boolean first);

    /**
     * Returns the first value of a header parsed as a value with parameters.
     *
     * @param name the header name
     * @return the parsed value, or {@code null} if the message has no such header
     * @throws ServletParseException if the value cannot be parsed that way
     * @since 1.1
     */
    Parameterable getParameterableHeader(String name) throws ServletParseException;

    /**
     * Returns all values of a header parsed as values with parameters.
     *
     * @param name the header name
     * @return the parsed values, empty if there are none
     * @throws ServletParseException if a value cannot be parsed that way
     * @since 1.1
     */
    ListIterator<? extends Parameterable> getParameterableHeaders(String name) throws ServletParseException;

    /**
     * Returns all values of a header parsed as values with parameters.
     *
     * @param name the header name
     * @return the parsed values, empty if there are none
     * @throws ServletParseException if a value cannot be parsed that way
     * @since 2.0
     */
    List<? extends Parameterable> getParameterableHeaderList(String name) throws ServletParseException;

    /**
     * Sets a header to a single value with parameters.
     *
     * @param name the header name
     * @param param the value
     * @throws IllegalArgumentException if {@code name} is a system header
     * @throws IllegalStateException if the message is committed
     * @since 1.1
     */
    void setParameterableHeader(String name, Parameterable param);

    /**
     * Adds a value with parameters to a header.
     *
     * @param name the header name
     * @param param the value
     * @param first {@code true} to insert it before the existing values, {@code false} to append it
     * @throws IllegalArgumentException if {@code name} is a system header
     * @throws IllegalStateException if the message is committed
     * @since 1.1
     */
    void addParameterableHeader(String name, Parameterable param, boolean first);

    /**
     * Returns the Call-ID of this message.
     *
     * @return the Call-ID
     */
    String getCallId();

    /**
     * Returns the value of the Expires header.
     *
     * @return the number of seconds, or -1 if the message has no Expires header
     */
    int getExpires();

    /**
     * Sets the Expires header.
     *
     * @param seconds the number of seconds
     * @throws IllegalArgumentException if {@code seconds} is negative
     * @throws IllegalStateException if the message is committed
     */
    void setExpires(int seconds);

    /**
     * Returns the character encoding of the body, taken from the charset parameter of Content-Type
     * or set with {@link #setCharacterEncoding(String)}.
     *
     * @return the encoding name, or {@code null} if none is specified
     */
    String getCharacterEncoding();

    /**
     * Sets the character encoding used to convert string content, overriding the charset of
     * Content-Type; must be called before the content is read or set.
     *
     * @param enc the encoding name
     * @throws UnsupportedEncodingException if the encoding is not supported
     * @throws IllegalStateException if the message is committed
     */
    void setCharacterEncoding(String enc) throws UnsupportedEncodingException;

    /**
     * Returns the length of the body.
     *
     * @return the number of bytes of the body, 0 if there is none
     */
    int getContentLength();

    /**
     * Returns the Content-Type header.
     *
     * @return the content type, or {@code null} if the message has no body type
     */
    String getContentType();

    /**
     * Returns the body as bytes.
     *
     * @return a copy of the body, or {@code null} if there is none
     * @throws IOException if the body cannot be read
     */
    byte[] getRawContent() throws IOException;

    /**
     * Returns the body as an object: a {@code String} for {@code text/*} types, a MIME
     * multipart object for {@code multipart/*} types where the container supports it, and a
     * {@code byte[]} otherwise.
     *
     * @return the body, or {@code null} if there is none
     * @throws IOException if the body cannot be read
     * @throws UnsupportedEncodingException if the character encoding is not supported
     */
    Object getContent() throws IOException, UnsupportedEncodingException;

    /**
     * Sets the body and its Content-Type.
     *
     * @param content the body: a {@code String} for text types, a {@code byte[]}, or a MIME
     *        multipart object where supported
     * @param contentType the content type
     * @throws UnsupportedEncodingException if a string body cannot be encoded
     * @throws IllegalArgumentException if {@code content} does not suit {@code contentType}
     * @throws IllegalStateException if the message is committed
     */
    void setContent(Object content, String contentType) throws UnsupportedEncodingException;

    /**
     * Sets the Content-Length header; normally unnecessary since the container computes it.
     *
     * @param len the length in bytes
     * @throws IllegalStateException if the message is committed or has been received
     */
    void setContentLength(int len);

    /**
     * Sets the Content-Type header.
     *
     * @param type the content type
     * @throws IllegalStateException if the message is committed
     */
    void setContentType(String type);

    /**
     * Returns the names of the attributes bound to this message.
     *
     * @return the attribute names
     * @deprecated use {@link #getAttributeNameSet()}
     */
    @Deprecated
    Enumeration<String> getAttributeNames();

    /**
     * Returns the SIP session of this message, creating it if necessary.
     *
     * @return the session
     */
    SipSession getSession();

    /**
     * Returns the SIP session of this message.
     *
     * @param create whether to create the session if it does not exist yet
     * @return the session, or {@code null} if none exists and {@code create} is {@code false}
     */
    SipSession getSession(boolean create);

    /**
     * Returns the application session of this message, creating it if necessary.
     *
     * @return the application session
     */
    SipApplicationSession getApplicationSession();

    /**
     * Returns the application session of this message.
     *
     * @param create whether to create the application session if it does not exist yet
     * @return the application session, or {@code null} if none exists and {@code create} is {@code false}
     */
    SipApplicationSession getApplicationSession(boolean create);

    /**
     * Returns the preferred locale of the Accept-Language header.
     *
     * @return the locale with the highest q-value, or {@code null} if there is no Accept-Language header
     */
    Locale getAcceptLanguage();

    /**
     * Returns the locales of the Accept-Language header, most preferred first.
     *
     * @return the locales, empty if there is no Accept-Language header
     */
    Iterator<Locale> getAcceptLanguages();

    /**
     * Returns the locales of the Accept-Language header.
     *
     * @return the locales, empty if there is no Accept-Language header
     * @since 2.0
     */
    Set<Locale> getAcceptLanguageSet();

    /**
     * Sets the Accept-Language header to a single locale.
     *
     * @param locale the locale
     * @throws IllegalStateException if the message is committed
     */
    void setAcceptLanguage(Locale locale);

    /**
     * Adds a locale to the Accept-Language header.
     *
     * @param locale the locale
     * @throws IllegalStateException if the message is committed
     */
    void addAcceptLanguage(Locale locale);

    /**
     * Sets the Content-Language header.
     *
     * @param locale the language of the body
     * @throws IllegalStateException if the message is committed
     */
    void setContentLanguage(Locale locale);

    /**
     * Returns the Content-Language header.
     *
     * @return the language of the body, or {@code null} if none is given
     */
    Locale getContentLanguage();

    /**
     * Adds a Path header (RFC 3327) with the given address at the top of the Path headers.
     *
     * @param uri the address to push
     * @throws IllegalStateException if the message is not a REGISTER request or a response to
     *         one, or is committed
     */
    void pushPath(Address uri);

    /**
     * Adds a Path header (RFC 3327) that points at this container at the top of the Path headers,
     * so that requests to the registered contact come back through it.
     *
     * @throws IllegalStateException if the message is not a REGISTER request or a response to
     *         one, or is committed
     * @since 2.0
     */
    void pushLocalPath();

    /**
     * Sends this message.
     *
     * @throws IOException if a transport error occurs
     * @throws IllegalStateException if the message cannot be sent in its current state, for
     *         example because it was already sent or the session was terminated
     */
    void send() throws IOException;

    /**
     * Tells whether the message was received, or will be sent, over a secure transport such as TLS.
     *
     * @return {@code true} for a secure transport
     */
    boolean isSecure();

    /**
     * Tells whether the message is committed, that is no longer modifiable (see the class description).
     *
     * @return {@code true} if the message is committed
     */
    boolean isCommitted();

    /**
     * Returns the name of the authenticated user who sent the message.
     *
     * @return the user name, or {@code null} if the sender was not authenticated
     */
    String getRemoteUser();

    /**
     * Tells whether the authenticated sender has a security role.
     *
     * @param role the role name
     * @return {@code true} if the sender is authenticated and has the role
     */
    boolean isUserInRole(String role);

    /**
     * Returns the principal of the authenticated sender.
     *
     * @return the principal, or {@code null} if the sender was not authenticated
     */
    Principal getUserPrincipal();

    /**
     * Returns the session-timer settings to request on this message; meaningful on INVITE
     * requests and their 2xx responses, and on UPDATE.
     *
     * @return the session-timer preference
     * @since 2.0
     */
    SessionKeepAlive.Preference getSessionKeepAlivePreference();

    /**
     * Returns the local IP address the message was received on or sent from.
     *
     * @return the address, or {@code null} if the message has not been received or sent
     */
    String getLocalAddr();

    /**
     * Returns the local port the message was received on or sent from.
     *
     * @return the port, or -1 if the message has not been received or sent
     */
    int getLocalPort();

    /**
     * Returns the IP address of the previous hop (received message) or next hop (sent message).
     *
     * @return the address, or {@code null} if not known, for example for a message routed internally
     */
    String getRemoteAddr();

    /**
     * Returns the port of the previous hop (received message) or next hop (sent message).
     *
     * @return the port, or -1 if not known
     */
    int getRemotePort();

    /**
     * Returns the transport the message was received or sent over.
     *
     * @return the transport, for example {@code "UDP"}, {@code "TCP"}, {@code "TLS"} or
     *         {@code "WS"}, or {@code null} if not known
     */
    String getTransport();

    /**
     * Returns the IP address of the entity that sent the message to the container, even if it
     * then passed through other applications of the container.
     *
     * @return the address, or {@code null} if the message was created inside the container
     * @since 1.1
     */
    String getInitialRemoteAddr();

    /**
     * Returns the port of the entity that sent the message to the container.
     *
     * @return the port, or -1 if the message was created inside the container
     * @since 1.1
     */
    int getInitialRemotePort();

    /**
     * Returns the transport the message arrived at the container over.
     *
     * @return the transport, or {@code null} if the message was created inside the container
     * @since 1.1
     */
    String getInitialTransport();

    /**
     * Returns the WebSocket connection this message was received over.
     *
     * @return the WebSocket context, or {@code null} if the message did not arrive over a SIP WebSocket
     * @since 2.0
     */
    SipWebSocketContext getLocalSipWebSocketContext();

    /**
     * Tells whether the message came to this application from another application of the same
     * container (application composition) rather than from the network.
     *
     * @return {@code true} for an internally routed message
     * @since 2.0
     */
    boolean isInternallyRouted();

    /**
     * Chooses the form of header names when this message is sent.
     *
     * @param form the header form
     * @throws IllegalStateException if the message is committed
     * @since 1.1
     */
    void setHeaderForm(HeaderForm form);

    /**
     * Returns the form of header names used when this message is sent.
     *
     * @return the header form; {@link HeaderForm#DEFAULT} unless set
     * @since 1.1
     */
    HeaderForm getHeaderForm();
}
