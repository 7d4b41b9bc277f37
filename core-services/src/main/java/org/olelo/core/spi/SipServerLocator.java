package org.olelo.core.spi;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the SIP servers of a SIP or SIPS URI the way RFC 3263 §4 does: from the URI's host, port
 * and {@code transport} parameter to an ordered list of targets (transport, address, port) to try
 * one after the other. A plug-in implements it with DNS NAPTR, SRV and A/AAAA records; the core
 * uses it, when one is installed, for every target whose host is a name, and fails over to the
 * next target when one does not answer (see {@link SipServerLocatorFactory}).
 *
 * <p>It also answers the ENUM (RFC 6116) and raw record look-ups the SIP Servlet API's
 * {@code DnsResolver} offers to applications.
 *
 * <p>Threads: every method may block for as long as its queries take (bounded by the plug-in's
 * timeouts and retries), so the core never calls it on a transport reader thread; it is called on
 * the core's look-up virtual threads and on application threads, from several at once.
 */
public interface SipServerLocator extends AutoCloseable {

    /**
     * What to locate.
     *
     * @param secure     a {@code sips:} URI: only TLS targets are acceptable
     * @param host       the host (or maddr) of the URI, a name, without brackets
     * @param port       the port of the URI, or {@code -1} when it names none
     * @param transport  the URI's {@code transport} parameter, upper case, or null
     * @param transports the transports this server can send over (upper case: {@code UDP},
     *                   {@code TCP}, {@code TLS}...); targets of other transports are skipped
     * @param preferred  the transport to use, when this server listens on it, where RFC 3263 leaves
     *                   the choice to the client (no NAPTR and no SRV record); null for UDP
     */
    record Query(boolean secure, String host, int port, String transport, Set<String> transports, String preferred) {

        public Query {
            host = host.toLowerCase(Locale.ROOT);
            transports = Set.copyOf(transports);
        }
    }

    /**
     * One place to send to.
     *
     * @param transport upper case: {@code UDP}, {@code TCP}, {@code TLS}
     * @param address   the server's address
     * @param port      its port
     */
    record Target(String transport, InetAddress address, int port) {

        @Override
        public String toString() {
            return transport.toLowerCase(Locale.ROOT) + ":" + address.getHostAddress() + ":" + port;
        }
    }

    /**
     * The targets for a URI, in the order to try them (RFC 3263 §4: NAPTR order and preference,
     * SRV priority and weight, then the addresses of each host).
     *
     * @throws UnknownHostException when there is none (the message says which name, never a
     *                              server's internals); a {@link LookupFailedException} when a
     *                              look-up failed or timed out
     */
    List<Target> locate(Query query) throws UnknownHostException;

    /**
     * The ENUM domain of an E.164 number (RFC 6116 §2.4): its digits reversed, dot separated,
     * under the configured suffix ({@code e164.arpa} by default).
     *
     * @param number the number, with or without the leading {@code +} and visual separators
     * @throws IllegalArgumentException when it has no digit
     */
    String enumDomain(String number);

    /**
     * The URIs the ENUM NAPTR records of a number map to for SIP ({@code E2U+sip} services), in
     * order and preference, their regular expressions applied; empty when it has none.
     *
     * @throws IOException when the look-up failed or timed out
     */
    List<String> enumUris(String number) throws IOException;

    /**
     * The records of one type at a name, each in presentation format
     * ({@code 10 20 5060 sip1.example.com.} for SRV); empty when there are none.
     *
     * @param type {@code A}, {@code AAAA}, {@code SRV}, {@code NAPTR}...
     * @throws IOException when the look-up failed or timed out, or the type is unknown
     */
    List<String> records(String name, String type) throws IOException;

    /** Releases what the locator holds (sockets, threads); later calls may fail. */
    @Override
    void close();
}
