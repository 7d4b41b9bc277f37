package org.olelo.core.routing;

import java.net.UnknownHostException;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import org.olelo.core.transport.InternalTransport;

/**
 * A {@code sips:} target (RFC 3261 §26.2) that this server cannot reach over TLS: no TLS
 * listening point, or a {@code transport} parameter that names an insecure transport such as UDP.
 * Such a request is never sent over another transport; a proxy answers it with
 * {@code 416 Unsupported URI Scheme}.
 */
public final class NoSecureTransport extends UnknownHostException {

    private static final long serialVersionUID = 1L;

    /** @param message what could not be reached over TLS */
    public NoSecureTransport(String message) {
        super(message);
    }

    /**
     * Checks that a request whose Request-URI is {@code sips:} leaves over a secure transport even
     * when its next hop is a {@code sip:} Route (RFC 3261 §26.2.2: the whole path is TLS); the
     * internal hop to this server itself stays in the process and passes.
     *
     * @throws NoSecureTransport when the hop would send a {@code sips:} request in the clear
     */
    public static void require(URI requestUri, Hop hop) throws NoSecureTransport {
        if (requestUri != null && requestUri.isSipURI() && ((SipURI) requestUri).isSecure()
                && !(hop.transport() instanceof InternalTransport) && !secure(hop.transport().name())) {
            throw new NoSecureTransport("a sips: request is not sent over " + hop.transport().name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** True for the Via names of transports that keep a {@code sips:} request secure: TLS and WSS. */
    public static boolean secure(String transport) {
        return transport.equalsIgnoreCase("TLS") || transport.equalsIgnoreCase("WSS");
    }
}
