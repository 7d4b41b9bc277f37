package org.olelo.core.routing;

import java.net.InetSocketAddress;
import org.olelo.core.transport.Transport;

/**
 * Where one message goes next: the local transport that sends it and the peer address.
 *
 * @param transport the listening point to send from
 * @param address   the resolved peer address
 */
public record Hop(Transport transport, InetSocketAddress address) {

    @Override
    public String toString() {
        return transport.name().toLowerCase() + ":" + address.getAddress().getHostAddress() + ":" + address.getPort();
    }
}
