package org.olelo.core.spi;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Turns a host name of a SIP URI or Via into addresses: the step of next-hop resolution that may
 * ask the network. The default asks the operating system; tests that run messages naming other
 * hosts use a resolver that never touches the network. RFC 3263 (NAPTR, SRV, several targets) is
 * the {@link SipServerLocator}'s: when one is installed, the core asks this resolver only for names
 * DNS has no record of.
 *
 * <p>Threads: it may block for as long as a look-up takes, so the core never calls it on a
 * transport reader thread. It is called on a virtual thread of the core's look-ups when the
 * message path needs a name, at most {@code 32} at a time, and on the thread of the layer
 * above when that one resolves a target itself (an application's thread, which may block); it
 * must be safe to call from several threads at once. The core never calls it with an IP literal,
 * and keeps what it returns for {@code 30} s (a failure for {@code 5} s), so it need not cache.
 */
@FunctionalInterface
public interface Resolver {

    /**
     * Addresses for the host, best first.
     *
     * @param host a host name, without brackets or port
     * @throws UnknownHostException when the name has no address
     */
    InetAddress[] resolve(String host) throws UnknownHostException;

    /** The operating system's resolver (hosts file, then DNS A/AAAA). */
    static Resolver system() {
        return InetAddress::getAllByName;
    }
}
