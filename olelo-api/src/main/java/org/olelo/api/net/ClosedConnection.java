package org.olelo.api.net;

import java.util.Locale;

/**
 * A connection that closed, named as requests that came over it were seen: the peer's address
 * (their {@code received}/{@code rport}) and the transport.
 *
 * @param transport the transport in lower case, as in a {@code transport} URI parameter
 *                  ({@code ws}, {@code wss}, {@code tcp}, {@code tls})
 * @param host      the peer's IP address (an IPv6 address without brackets)
 * @param port      the peer's port
 */
public record ClosedConnection(String transport, String host, int port) {

    /** Normalises the transport to lower case. */
    public ClosedConnection {
        transport = transport.toLowerCase(Locale.ROOT);
    }

    /** @return the peer as {@code sip:HOST:PORT}, an IPv6 address in brackets (a registrar's {@code received}) */
    public String received() {
        return "sip:" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
