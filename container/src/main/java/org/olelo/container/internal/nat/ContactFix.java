package org.olelo.container.internal.nat;

import gov.nist.javax.sip.message.SIPMessage;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.text.ParseException;
import java.util.Locale;
import javax.sip.address.SipURI;
import javax.sip.header.ContactHeader;

/**
 * The {@code nat.fix.contact} setting and what it does (Kamailio's {@code fix_nated_contact}): when
 * a proxied request or response comes from a user agent whose Contact is not where it came from,
 * the Contact's host and port are replaced by that source (its parameters, such as
 * {@code transport}, stay), so that the other party's requests in the dialog, which go to that
 * Contact, reach the user agent through its NAT binding.
 *
 * <ul>
 *   <li>{@link #OFF}: Contacts are left as they are (the default);</li>
 *   <li>{@link #PRIVATE}: only a Contact naming a private (RFC 1918), shared (100.64/10) or
 *       link-local address, or an IPv6 unique local or link-local one;</li>
 *   <li>{@link #ALWAYS}: every Contact whose host or port is not the source.</li>
 * </ul>
 * Applied by the proxy to the requests it forwards for an application that record-routes, and to
 * those it relays inside such dialogs, and to the responses it passes back; never to REGISTER (the
 * registrar keeps the source itself), nor to a message with several Contacts, nor to one that came
 * from another application of this server.
 *
 * <p>Stateless; any thread; a few comparisons per message when on, nothing when off; never looks a
 * name up.
 */
public enum ContactFix {
    /** No rewriting. */
    OFF,
    /** Contacts with a private or link-local address. */
    PRIVATE,
    /** Every Contact that is not the source. */
    ALWAYS;

    /** The configuration key. */
    public static final String KEY = "nat.fix.contact";

    /**
     * @param text {@code off}, {@code private} or {@code always} (any case); empty or null: off
     * @return the setting
     * @throws IllegalArgumentException naming the key, for anything else
     */
    public static ContactFix parse(String text) {
        return switch (text == null ? "" : text.trim().toLowerCase(Locale.ROOT)) {
            case "", "off" -> OFF;
            case "private" -> PRIVATE;
            case "always" -> ALWAYS;
            default -> throw new IllegalArgumentException(KEY + ": expected off, private or always but found '"
                    + text + "'");
        };
    }

    /**
     * Rewrites the message's Contact when this setting says it is behind NAT.
     *
     * @param m      a request or response about to be forwarded
     * @param source where it came from
     * @return whether the Contact was rewritten
     */
    public boolean apply(SIPMessage m, InetSocketAddress source) {
        if (this == OFF || source == null || source.getAddress() == null || "REGISTER".equals(m.getCSeq() == null
                ? null : m.getCSeq().getMethod())) {
            return false;
        }
        if (m.getContactHeaders() == null || m.getContactHeaders().size() != 1
                || !(((ContactHeader) m.getContactHeaders().getFirst()).getAddress() != null
                && ((ContactHeader) m.getContactHeaders().getFirst()).getAddress().getURI() instanceof SipURI uri)) {
            return false;
        }
        InetAddress contactIp = literal(uri.getHost());
        int port = uri.getPort() > 0 ? uri.getPort() : "sips".equalsIgnoreCase(uri.getScheme()) ? 5061 : 5060;
        if (contactIp != null && contactIp.equals(source.getAddress()) && port == source.getPort()) {
            return false;
        }
        if (this == PRIVATE && (contactIp == null || !isPrivate(contactIp))) {
            return false;
        }
        try {
            String ip = source.getAddress().getHostAddress();
            org.olelo.core.message.lazy.Received.changed(m);
            uri.setHost(source.getAddress() instanceof Inet4Address ? ip : "[" + ip + "]");
            uri.setPort(source.getPort());
            return true;
        } catch (ParseException e) {
            return false;
        }
    }

    /** The address an IP literal names, or null for a host name (never looked up). */
    static InetAddress literal(String host) {
        if (host == null) {
            return null;
        }
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        boolean v4 = h.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean v6 = h.indexOf(':') >= 0 && h.matches("[0-9a-fA-F:.]+");
        if (!v4 && !v6) {
            return null;
        }
        try {
            return InetAddress.getByName(h);
        } catch (java.net.UnknownHostException e) {
            return null;
        }
    }

    /** RFC 1918, RFC 6598, link-local and IPv6 unique local addresses. */
    static boolean isPrivate(InetAddress a) {
        if (a.isSiteLocalAddress() || a.isLinkLocalAddress()) {
            return true; // 10/8, 172.16/12, 192.168/16, fec0::/10; 169.254/16, fe80::/10
        }
        byte[] b = a.getAddress();
        if (b.length == 4) {
            return (b[0] & 0xFF) == 100 && (b[1] & 0xC0) == 64;
        }
        return (b[0] & 0xFE) == 0xFC;
    }
}
