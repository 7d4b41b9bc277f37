package org.olelo.container.internal.address;

import jakarta.servlet.sip.ServletParseException;
import java.util.Locale;

/**
 * A URI of any scheme other than {@code sip}, {@code sips} and {@code tel}, for instance
 * {@code urn:service:sos} or {@code mailto:bob@example.com}. Its text is kept as given; when it
 * has {@code ;name=value} parameters they can be read and changed, after which the text is
 * rebuilt.
 */
public final class GenericURIImpl extends AbstractURI {

    private static final long serialVersionUID = 1L;

    private String scheme;
    /** Scheme-specific part before the first {@code ;}, or the whole part when it has none. */
    private String body;
    /** The text as parsed; {@code null} once a parameter was changed. */
    private String text;

    private GenericURIImpl() {
    }

    /**
     * Parses a URI of any scheme.
     *
     * @param text the URI text, {@code scheme:rest}
     * @return the parsed URI
     * @throws ServletParseException if the scheme is missing or malformed, the rest is empty or
     *         the text contains white space
     */
    public static GenericURIImpl parse(String text) throws ServletParseException {
        if (text == null) {
            throw new ServletParseException("cannot parse a null URI");
        }
        String t = text.trim();
        int colon = t.indexOf(':');
        if (colon <= 0 || !Character.isLetter(t.charAt(0)) || t.charAt(0) > 127) {
            throw new ServletParseException("missing or invalid URI scheme in: '" + text + "'");
        }
        for (int i = 1; i < colon; i++) {
            char c = t.charAt(i);
            if (c > 127 || !(Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.')) {
                throw new ServletParseException("invalid URI scheme in: '" + text + "'");
            }
        }
        if (colon == t.length() - 1) {
            throw new ServletParseException("nothing after the scheme in: '" + text + "'");
        }
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) <= ' ' || t.charAt(i) == 0x7f) {
                throw new ServletParseException("white space in URI: '" + text + "'");
            }
        }
        GenericURIImpl uri = new GenericURIImpl();
        uri.scheme = t.substring(0, colon).toLowerCase(Locale.ROOT);
        uri.text = uri.scheme + t.substring(colon);
        String rest = t.substring(colon + 1);
        int semi = rest.indexOf(';');
        uri.body = rest;
        if (semi >= 0) {
            try {
                uri.params = ParamList.parseUri(rest.substring(semi + 1));
                uri.body = rest.substring(0, semi);
            } catch (IllegalArgumentException e) {
                uri.params = new ParamList();
            }
        }
        return uri;
    }

    @Override
    public String getScheme() {
        return scheme;
    }

    @Override
    public void setParameter(String name, String value) {
        super.setParameter(name, value);
        text = null;
    }

    @Override
    public void removeParameter(String name) {
        super.removeParameter(name);
        text = null;
    }

    @Override
    public GenericURIImpl clone() {
        return finishClone((GenericURIImpl) shallowClone());
    }

    @Override
    public String toString() {
        if (text == null) {
            StringBuilder sb = new StringBuilder(scheme).append(':').append(body);
            params.encodeUri(sb);
            text = sb.toString();
        }
        return text;
    }

    /**
     * Compares schemes without regard to case and the rest of the text exactly.
     *
     * @param o the object to compare with
     * @return {@code true} when both URIs have the same text
     */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof GenericURIImpl g && toString().equals(g.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }
}
