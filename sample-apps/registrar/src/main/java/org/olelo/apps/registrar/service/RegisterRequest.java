package org.olelo.apps.registrar.service;

import java.util.List;

/**
 * A REGISTER as plain values, so that the registration logic runs and is tested without the
 * servlet API. The servlet fills it from the request; nothing here is validated yet. Immutable
 * value; any thread.
 *
 * @param requestUriHost    the host of the Request-URI (the registrar's domain)
 * @param toScheme          the scheme of the To URI
 * @param toUser            the user part of the To URI (unescaped), or null
 * @param toHost            the host of the To URI, or null
 * @param authenticatedUser the user the container authenticated, or null when authentication is
 *                          off for this request
 * @param wildcard          whether a Contact was {@code *}
 * @param contacts          the other Contacts, in order
 * @param expiresHeader     the Expires header text, or null
 * @param callId            the Call-ID
 * @param cseq              the CSeq number
 * @param path              the Path header values, in order (RFC 3327)
 * @param supportsPath      whether the UA listed {@code path} in Supported (the Path is echoed then)
 * @param source            where the request came from, or null when unknown
 * @param userAgent         the User-Agent header, or null
 */
public record RegisterRequest(String requestUriHost, String toScheme, String toUser, String toHost,
                              String authenticatedUser, boolean wildcard, List<ContactSpec> contacts,
                              String expiresHeader, String callId, long cseq, List<String> path,
                              boolean supportsPath, Source source, String userAgent) {

    /** Freezes the lists. */
    public RegisterRequest {
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
        path = path == null ? List.of() : List.copyOf(path);
    }

    /**
     * The network source of a request.
     *
     * @param address   the IP address
     * @param port      the port
     * @param transport the transport name, any case
     */
    public record Source(String address, int port, String transport) {

        /** @return the source as {@code sip:HOST:PORT}, an IPv6 address in brackets */
        public String uri() {
            String host = address.indexOf(':') >= 0 && !address.startsWith("[") ? "[" + address + "]" : address;
            return "sip:" + host + ":" + port;
        }
    }
}
