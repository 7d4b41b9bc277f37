package org.olelo.core;

import gov.nist.javax.sip.header.Contact;
import gov.nist.javax.sip.header.ContactList;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import java.net.InetSocketAddress;
import java.text.ParseException;
import java.util.Locale;
import javax.sip.address.SipURI;
import org.olelo.core.message.lazy.Received;
import org.olelo.core.transport.Transport;

/**
 * How a WebSocket client stays reachable inside its dialogs. A browser's Contact names a host
 * that does not exist ({@code df7jal23ls0d.invalid}, RFC 7118 §5.2): the client can only be
 * reached over the connection it opened. So each Contact URI of a request or response that comes
 * in over a WebSocket gets the parameter {@code alias=HOST~PORT~ws} (the connection's peer, as
 * Kamailio's {@code add_contact_alias} does), and a URI with such an alias is sent over that
 * WebSocket connection ({@link #target}): the remote target the other party of the dialog uses,
 * for the ACK, re-INVITE and BYE, leads back to the browser. REGISTER Contacts are left alone:
 * the registrar reaches those through the connection it saw ({@code received}).
 *
 * <p>An alias is honoured only for a WebSocket transport, so it can point only at a connection a
 * client opened to this server, never make the server send elsewhere. Runs on the transport reader
 * thread; costs nothing for messages of other transports.
 */
final class WebSocketContacts {

    /** The URI parameter that carries the connection. */
    static final String ALIAS = "alias";

    private WebSocketContacts() {
    }

    /** Whether the listening point is a WebSocket one ({@code WS} or {@code WSS}). */
    static boolean isWebSocket(String transport) {
        return transport.equalsIgnoreCase("WS") || transport.equalsIgnoreCase("WSS");
    }

    /** Adds the alias of the connection to each SIP Contact URI of a message read over a WebSocket. */
    static void addAlias(SIPMessage m, Transport via, InetSocketAddress source) {
        if (!isWebSocket(via.name()) || m instanceof SIPRequest r && r.getMethod().equals("REGISTER")) {
            return;
        }
        ContactList contacts = m.getContactHeaders();
        if (contacts == null) {
            return;
        }
        String host = source.getAddress().getHostAddress();
        String alias = (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + "~" + source.getPort() + "~"
                + via.name().toLowerCase(Locale.ROOT);
        for (Contact c : contacts) {
            if (!c.isWildCard() && c.getAddress() != null && c.getAddress().getURI() instanceof SipURI u) {
                try {
                    Received.changed(m);
                    u.setParameter(ALIAS, alias);
                } catch (ParseException e) {
                    // the URI stays as it was
                }
            }
        }
    }

    /**
     * The connection a URI's alias names, for a WebSocket transport only.
     *
     * @return {transport, host, port} or null when the URI has no usable alias
     */
    static String[] target(SipURI u) {
        String alias = u.getParameter(ALIAS);
        if (alias == null) {
            return null;
        }
        String[] parts = alias.split("~");
        if (parts.length != 3 || !isWebSocket(parts[2])) {
            return null;
        }
        try {
            int port = Integer.parseInt(parts[1]);
            return port > 0 && port < 65536 ? new String[] {parts[2].toUpperCase(Locale.ROOT), parts[0], parts[1]} : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
