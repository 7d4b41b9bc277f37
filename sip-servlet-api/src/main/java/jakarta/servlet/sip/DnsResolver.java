package jakarta.servlet.sip;

import java.io.IOException;
import java.util.List;

/**
 * DNS look-ups done the way the container does them for SIP (RFC 3263 for SIP URIs, ENUM per
 * RFC 6116 for telephone numbers). Available as the servlet context attribute
 * {@link SipServlet#DNS_RESOLVER} and from {@link SipServletContext#getDnsResolver()}.
 *
 * @since 2.0
 */
public interface DnsResolver {

    /**
     * Converts a telephone number URI into the ENUM domain name that is queried for it.
     *
     * @param uri a {@code tel} URL or a SIP URI with {@code user=phone}
     * @return the ENUM domain name, for example {@code 4.3.2.1.5.5.5.1.e164.arpa}
     */
    String toEnum(URI uri);

    /**
     * Tells whether the host of a SIP URI resolves to this container.
     *
     * @param uri the SIP URI to examine
     * @return {@code true} if requests sent to {@code uri} would reach this container
     */
    boolean resolvesInternally(SipURI uri);

    /**
     * Resolves a URI to the first SIP URI it maps to, using ENUM for telephone numbers.
     *
     * @param uri the URI to resolve
     * @return the resulting SIP URI, or {@code null} if nothing is found
     * @throws IOException if the DNS query fails
     */
    SipURI resolveToSipURI(URI uri) throws IOException;

    /**
     * Resolves a URI to all the SIP URIs it maps to, in preference order.
     *
     * @param uri the URI to resolve
     * @return the resulting SIP URIs, empty if nothing is found
     * @throws IOException if the DNS query fails
     */
    List<SipURI> resolveToSipURIs(URI uri) throws IOException;

    /**
     * Returns the records of the given type found for a URI, each formatted as a string.
     *
     * @param uri the URI whose host (or ENUM domain) is queried
     * @param type the DNS record type, for example {@code "NAPTR"}, {@code "SRV"}, {@code "A"} or {@code "AAAA"}
     * @return the records found, empty if there are none
     * @throws IOException if the DNS query fails
     */
    List<String> resolveToStrings(URI uri, String type) throws IOException;
}
