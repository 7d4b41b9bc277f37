package jakarta.servlet.sip;

import java.security.Principal;

/**
 * Information about a WebSocket connection that carries SIP (RFC 7118), taken from the HTTP
 * upgrade request that opened it. Obtained from {@link SipServletMessage#getLocalSipWebSocketContext()}
 * or {@link SipServletContext#getSipWebSocketContext(String)}.
 *
 * @since 2.0
 */
public interface SipWebSocketContext {

    /**
     * Returns the URL the WebSocket connection was opened on.
     *
     * @return the WebSocket URL
     */
    String getURL();

    /**
     * Returns the flow that represents this WebSocket connection.
     *
     * @return the flow
     */
    Flow getFlow();

    /**
     * Returns the principal the web container authenticated for the HTTP upgrade request.
     *
     * @return the principal, or {@code null} if the upgrade request was not authenticated
     */
    Principal getWebSecurityPrincipal();

    /**
     * Returns a header of the HTTP upgrade request.
     *
     * @param name the header name, case-insensitive
     * @return the header value, or {@code null} if the request had no such header
     */
    String getHttpHeader(String name);
}
