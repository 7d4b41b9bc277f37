package org.olelo.core.routing;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Turns a host name of a SIP URI into addresses. The default asks the operating system; tests that
 * run messages naming other hosts use a resolver that never touches the network.
 */
@FunctionalInterface
public interface Resolver {

    /** Addresses for the host, best first. */
    InetAddress[] resolve(String host) throws UnknownHostException;

    /** The operating system's resolver (hosts file, then DNS A/AAAA). */
    static Resolver system() {
        return InetAddress::getAllByName;
    }
}
