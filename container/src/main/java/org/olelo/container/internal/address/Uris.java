package org.olelo.container.internal.address;

import jakarta.servlet.sip.ServletParseException;
import jakarta.servlet.sip.URI;
import java.text.ParseException;
import java.util.Locale;

/**
 * Entry points for turning text and JAIN-SIP objects into the container's URI objects, and
 * back.
 */
public final class Uris {

    private Uris() {
    }

    /**
     * Parses a URI, picking the class from its scheme: {@link SipURIImpl} for {@code sip} and
     * {@code sips}, {@link TelURLImpl} for {@code tel}, {@link GenericURIImpl} otherwise.
     *
     * @param text the URI text, without angle brackets
     * @return a new, writable URI
     * @throws ServletParseException if the text is not a valid URI
     */
    public static URI parse(String text) throws ServletParseException {
        if (text == null) {
            throw new ServletParseException("cannot parse a null URI");
        }
        String t = text.trim();
        if (t.startsWith("<")) {
            throw new ServletParseException("a URI is written without angle brackets: '" + text
                    + "'");
        }
        int colon = t.indexOf(':');
        if (colon <= 0) {
            throw new ServletParseException("missing URI scheme in: '" + text + "'");
        }
        String scheme = t.substring(0, colon).toLowerCase(Locale.ROOT);
        return switch (scheme) {
            case "sip", "sips" -> SipURIImpl.parse(t);
            case "tel" -> TelURLImpl.parse(t);
            default -> GenericURIImpl.parse(t);
        };
    }

    /**
     * Converts a JAIN-SIP URI.
     *
     * @param uri the JAIN-SIP URI
     * @return a new, writable container URI with the same text
     * @throws NullPointerException if {@code uri} is {@code null}
     * @throws IllegalArgumentException if the JAIN-SIP URI does not form a valid URI
     */
    public static URI fromJain(javax.sip.address.URI uri) {
        if (uri == null) {
            throw new NullPointerException("JAIN-SIP URI");
        }
        try {
            return parse(uri.toString());
        } catch (ServletParseException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * Converts any {@link URI}, including ones implemented outside the container, into a fresh
     * JAIN-SIP URI.
     *
     * @param uri the URI
     * @return a new JAIN-SIP URI
     * @throws IllegalArgumentException if JAIN-SIP cannot parse the URI text
     */
    public static javax.sip.address.URI toJain(URI uri) {
        if (uri instanceof AbstractURI a) {
            return a.toJain();
        }
        try {
            return AbstractURI.JAIN_FACTORY.createURI(uri.toString());
        } catch (ParseException e) {
            throw new IllegalArgumentException("JAIN-SIP cannot parse URI " + uri, e);
        }
    }
}
