package org.olelo.container.internal.flow;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * Writes and reads flow tokens: the transport kind, the local listening point and the peer of a
 * flow, in URL-safe Base64 (so a token fits a URI parameter or a database column as it is). A token
 * names a flow; it grants nothing the application could not do by routing to the same address.
 *
 * <p>Stateless; any thread.
 */
final class FlowTokens {

    /** A decoded token. */
    record Parts(String transport, InetSocketAddress local, InetSocketAddress remote) {
    }

    private static final int MAX_TOKEN_LENGTH = 256;

    private FlowTokens() {
    }

    static String encode(String transport, InetSocketAddress local, InetSocketAddress remote) {
        String text = transport.toUpperCase(Locale.ROOT) + "|" + local.getAddress().getHostAddress() + "|"
                + local.getPort() + "|" + remote.getAddress().getHostAddress() + "|" + remote.getPort();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** @return the parts of a token this class wrote, or null for anything else (never throws) */
    static Parts decode(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return null;
        }
        try {
            String[] p = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|", -1);
            if (p.length != 5 || !p[0].matches("[A-Z0-9]{1,10}")) {
                return null;
            }
            return new Parts(p[0], address(p[1], p[2]), address(p[3], p[4]));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** An address from its literal text only: a host name is refused, so decoding never looks a name up. */
    private static InetSocketAddress address(String ip, String port) {
        if (!ip.matches("[0-9a-fA-F:.%]+") || !(ip.indexOf(':') >= 0 || ip.matches("[0-9.]+"))) {
            throw new IllegalArgumentException("not an address literal");
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(ip), Integer.parseInt(port));
        } catch (java.net.UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
