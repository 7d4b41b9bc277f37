package jakarta.servlet.sip;

import java.util.Iterator;
import java.util.List;

/**
 * A {@code sip} or {@code sips} URI (RFC 3261 section 19.1): optional user information, a host
 * and port, URI parameters and headers. Convenience accessors cover the parameters defined by
 * RFC 3261 ({@code transport}, {@code maddr}, {@code method}, {@code ttl}, {@code user},
 * {@code lr}).
 */
public interface SipURI extends URI {

    /**
     * Compares two SIP URIs following the rules of RFC 3261 section 19.1.4.
     *
     * @param o the object to compare with
     * @return {@code true} when both URIs are equivalent
     */
    @Override
    boolean equals(Object o);

    /**
     * Looks up a header embedded in the URI after {@code ?}.
     *
     * @param name the header name
     * @return the unescaped value, or {@code null} when absent
     * @throws NullPointerException if {@code name} is {@code null}
     */
    String getHeader(String name);

    /**
     * Lists the names of the headers embedded in the URI.
     *
     * @return an iterator over header names, possibly empty
     */
    Iterator<String> getHeaderNames();

    /**
     * Gives the names of the headers embedded in the URI, in order.
     *
     * @return the header names, possibly empty; never {@code null}
     */
    List<String> getHeaderNameList();

    /**
     * Gives the host part: a domain name, an IPv4 address or a bracketed IPv6 reference.
     *
     * @return the host
     */
    String getHost();

    /**
     * Tells whether the {@code lr} (loose routing) parameter is present.
     *
     * @return {@code true} when the parameter is present
     */
    boolean getLrParam();

    /**
     * Gives the {@code maddr} parameter.
     *
     * @return the value, or {@code null} when absent
     */
    String getMAddrParam();

    /**
     * Gives the {@code method} parameter.
     *
     * @return the value, or {@code null} when absent
     */
    String getMethodParam();

    /**
     * Gives the port number.
     *
     * @return the port, or {@code -1} when the URI has none
     */
    int getPort();

    /**
     * Gives the {@code ttl} parameter.
     *
     * @return the value, or {@code -1} when absent
     */
    int getTTLParam();

    /**
     * Gives the {@code transport} parameter.
     *
     * @return the value, or {@code null} when absent
     */
    String getTransportParam();

    /**
     * Gives the user part, unescaped.
     *
     * @return the user, or {@code null} when the URI has no user information
     */
    String getUser();

    /**
     * Gives the {@code user} parameter, such as {@code phone} or {@code ip}.
     *
     * @return the value, or {@code null} when absent
     */
    String getUserParam();

    /**
     * Gives the password that follows the user and a colon. Its use is discouraged.
     *
     * @return the password, or {@code null} when absent
     */
    String getUserPassword();

    /**
     * Tells whether the scheme is {@code sips}.
     *
     * @return {@code true} for a SIPS URI
     */
    boolean isSecure();

    /**
     * Deletes a header embedded in the URI; nothing happens when it is absent.
     *
     * @param name the header name
     * @throws IllegalStateException if this URI is read-only
     */
    void removeHeader(String name);

    /**
     * Adds a header embedded in the URI or replaces its value.
     *
     * @param name the header name
     * @param value the unescaped header value
     * @throws IllegalStateException if this URI is read-only
     */
    void setHeader(String name, String value);

    /**
     * Replaces the host part.
     *
     * @param host a domain name, an IPv4 address or an IPv6 address (brackets optional)
     * @throws IllegalStateException if this URI is read-only
     */
    void setHost(String host);

    /**
     * Adds or removes the {@code lr} parameter.
     *
     * @param flag {@code true} to add it, {@code false} to remove it
     * @throws IllegalStateException if this URI is read-only
     */
    void setLrParam(boolean flag);

    /**
     * Sets the {@code maddr} parameter.
     *
     * @param maddr the address, or {@code null} to remove the parameter
     * @throws IllegalStateException if this URI is read-only
     */
    void setMAddrParam(String maddr);

    /**
     * Sets the {@code method} parameter.
     *
     * @param method the method name, or {@code null} to remove the parameter
     * @throws IllegalStateException if this URI is read-only
     */
    void setMethodParam(String method);

    /**
     * Sets the port number.
     *
     * @param port the port, or a negative value to remove it
     * @throws IllegalStateException if this URI is read-only
     */
    void setPort(int port);

    /**
     * Switches between the {@code sips} and {@code sip} schemes.
     *
     * @param b {@code true} for {@code sips}
     * @throws IllegalStateException if this URI is read-only
     */
    void setSecure(boolean b);

    /**
     * Sets the {@code ttl} parameter.
     *
     * @param ttl the value from 0 to 255, or a negative value to remove the parameter
     * @throws IllegalStateException if this URI is read-only
     */
    void setTTLParam(int ttl);

    /**
     * Sets the {@code transport} parameter.
     *
     * @param transport the transport, for instance {@code udp} or {@code tcp}, or {@code null}
     *        to remove the parameter
     * @throws IllegalStateException if this URI is read-only
     */
    void setTransportParam(String transport);

    /**
     * Replaces the user part.
     *
     * @param user the unescaped user, or {@code null} to remove the user information
     * @throws IllegalStateException if this URI is read-only
     */
    void setUser(String user);

    /**
     * Sets the {@code user} parameter.
     *
     * @param user the value, or {@code null} to remove the parameter
     * @throws IllegalStateException if this URI is read-only
     */
    void setUserParam(String user);

    /**
     * Sets the password that follows the user.
     *
     * @param password the password, or {@code null} to remove it
     * @throws IllegalStateException if this URI is read-only
     */
    void setUserPassword(String password);

    /**
     * Gives the URI as written in a SIP message, with reserved characters escaped.
     *
     * @return the URI text
     */
    @Override
    String toString();
}
