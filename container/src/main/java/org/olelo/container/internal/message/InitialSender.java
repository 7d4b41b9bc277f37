package org.olelo.container.internal.message;

import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.header.ViaList;
import gov.nist.javax.sip.message.SIPRequest;
import java.net.InetSocketAddress;
import org.olelo.core.SipCore;
import org.olelo.core.transport.Transport;

/**
 * Who sent a message to this server: the answer of {@code getInitialRemoteAddr},
 * {@code getInitialRemotePort} and {@code getInitialTransport}, which stays the same however many
 * applications of this server the message then passes (JSR 359 §5.5). Immutable; any thread.
 *
 * @param address   the sender's IP address
 * @param port      the sender's port
 * @param transport the transport it came over ({@code UDP}, {@code TCP}...)
 */
public record InitialSender(String address, int port, String transport) {

    /** The peer a message came from over a listening point. */
    public static InitialSender of(InetSocketAddress peer, Transport over) {
        return peer == null || over == null ? null
                : new InitialSender(peer.getAddress().getHostAddress(), peer.getPort(), over.name());
    }

    /**
     * The sender of a request that another application of this server passed on over the internal
     * hop, read from its Via entries: the first entry below those this server wrote, with the
     * address and port the core noted in it when the request entered the server ({@code received},
     * {@code rport}; otherwise its sent-by, where responses go). Null when every entry is this
     * server's: an application here created the request.
     *
     * @param core the core whose listening points wrote our entries
     */
    static InitialSender fromVias(SIPRequest request, SipCore core) {
        ViaList vias = request.getViaHeaders();
        if (vias == null || core == null) {
            return null;
        }
        for (Object o : vias) {
            Via v = (Via) o;
            String branch = v.getBranch();
            boolean ours = branch != null && branch.startsWith(SipCore.BRANCH_PREFIX)
                    && core.localAddresses().isLocal(v.getHost(), v.getPort(), v.getTransport());
            if (!ours) {
                return sender(v);
            }
        }
        return null;
    }

    private static InitialSender sender(Via v) {
        String transport = v.getTransport() == null ? "UDP" : v.getTransport().toUpperCase(java.util.Locale.ROOT);
        String address = v.getReceived() != null ? v.getReceived() : stripBrackets(v.getHost());
        int port = rport(v) > 0 ? rport(v) : v.getPort();
        if (port <= 0) {
            port = transport.equals("TLS") ? 5061 : 5060;
        }
        return new InitialSender(address, port, transport);
    }

    private static int rport(Via v) {
        try {
            return v.getRPort();
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String stripBrackets(String h) {
        return h != null && h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }
}
