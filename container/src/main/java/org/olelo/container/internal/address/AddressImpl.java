package org.olelo.container.internal.address;

import jakarta.servlet.sip.Address;
import jakarta.servlet.sip.ServletParseException;
import jakarta.servlet.sip.URI;
import java.text.ParseException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Objects;

/**
 * The container's {@link Address}: an optional display name, a URI and header parameters, or
 * the wildcard {@code *}. It is written as {@code "Display Name" <uri>;params}; the display name
 * is quoted only when it is not a plain run of tokens, and the URI is always put in angle
 * brackets, which keeps URI parameters apart from header parameters (RFC 3261 section 20.10).
 */
public final class AddressImpl extends ParameterableImpl implements Address {

    private static final long serialVersionUID = 1L;

    String displayName;
    URI uri;
    boolean wildcard;

    AddressImpl() {
    }

    /**
     * Creates an address for a URI.
     *
     * @param displayName the display name, or {@code null}
     * @param uri the URI
     */
    public AddressImpl(String displayName, URI uri) {
        this.displayName = displayName == null || displayName.isEmpty() ? null : displayName;
        this.uri = Objects.requireNonNull(uri, "uri");
    }

    /**
     * Creates the wildcard address {@code *} used by REGISTER to remove all bindings.
     *
     * @return a new wildcard address
     */
    public static AddressImpl wildcard() {
        AddressImpl a = new AddressImpl();
        a.wildcard = true;
        return a;
    }

    /**
     * Parses an address header value: a name-addr ({@code "Bob" <sip:bob@example.com>}), an
     * addr-spec ({@code sip:bob@example.com}, whose {@code ;} parameters are then header
     * parameters) or the wildcard {@code *}, each optionally followed by header parameters.
     *
     * @param text the header value, without the header name
     * @return a new, writable address
     * @throws ServletParseException if the text is not a valid address
     */
    public static AddressImpl parse(String text) throws ServletParseException {
        if (text == null) {
            throw new ServletParseException("cannot parse a null address");
        }
        String s = text.trim();
        if (s.equals("*")) {
            return wildcard();
        }
        try {
            return AddressParser.parse(s);
        } catch (ServletParseException | IllegalArgumentException e) {
            throw new ServletParseException("invalid address '" + text + "': " + e.getMessage(), e);
        }
    }

    /**
     * Converts a JAIN-SIP address and the parameters of the header that carries it.
     *
     * @param address the JAIN-SIP address, for instance {@code contactHeader.getAddress()}
     * @param parameters the header holding the header parameters, or {@code null} for none
     * @return a new, writable address
     * @throws NullPointerException if {@code address} is {@code null}
     * @throws IllegalArgumentException if the JAIN-SIP objects do not form a valid address
     */
    public static AddressImpl fromJain(javax.sip.address.Address address,
            javax.sip.header.Parameters parameters) {
        Objects.requireNonNull(address, "JAIN-SIP address");
        AddressImpl a;
        if (address.isWildcard()) {
            a = wildcard();
        } else {
            String dn = address.getDisplayName();
            a = new AddressImpl(dn == null ? null : Escapes.unescapeBackslashes(dn),
                    Uris.fromJain(address.getURI()));
        }
        if (parameters != null) {
            for (Iterator<?> it = parameters.getParameterNames(); it.hasNext();) {
                String name = (String) it.next();
                String value = parameters.getParameter(name);
                a.params.set(name, value == null ? "" : value);
            }
        }
        return a;
    }

    /**
     * Builds the equivalent JAIN-SIP address (display name and URI; header parameters are
     * copied separately with {@link #copyParametersTo(javax.sip.header.Parameters)}). For the
     * wildcard, use JAIN-SIP's no-argument {@code createContactHeader()} to build the header.
     *
     * @return a new JAIN-SIP address
     * @throws IllegalStateException if JAIN-SIP refuses the URI
     */
    public javax.sip.address.Address toJain() {
        try {
            if (wildcard) {
                return AbstractURI.JAIN_FACTORY.createAddress("*");
            }
            javax.sip.address.Address a = AbstractURI.JAIN_FACTORY.createAddress(Uris.toJain(uri));
            if (displayName != null) {
                StringBuilder q = new StringBuilder();
                Escapes.quote(displayName, q);
                a.setDisplayName(q.substring(1, q.length() - 1));
            }
            return a;
        } catch (ParseException | IllegalArgumentException e) {
            throw new IllegalStateException("JAIN-SIP cannot represent address " + this, e);
        }
    }

    @Override
    public void setReadOnly() {
        super.setReadOnly();
        if (uri instanceof AbstractURI u) {
            u.setReadOnly();
        }
    }

    @Override
    public String getDisplayName() {
        return displayName;
    }

    @Override
    public void setDisplayName(String name) {
        checkWritable();
        displayName = name == null || name.isEmpty() ? null : name;
    }

    @Override
    public URI getURI() {
        return uri;
    }

    @Override
    public void setURI(URI uri) {
        checkWritable();
        this.uri = Objects.requireNonNull(uri, "uri");
        wildcard = false;
    }

    @Override
    public boolean isWildcard() {
        return wildcard;
    }

    @Override
    public float getQ() {
        String q = params.get("q");
        try {
            return q == null ? -1.0f : Float.parseFloat(q);
        } catch (NumberFormatException e) {
            return -1.0f;
        }
    }

    @Override
    public void setQ(float q) {
        checkWritable();
        if (q == -1.0f) {
            params.remove("q");
        } else if (q >= 0.0f && q <= 1.0f) {
            String text = String.format(Locale.ROOT, "%.3f", q);
            int end = text.length();
            while (text.charAt(end - 1) == '0' && text.charAt(end - 2) != '.') {
                end--;
            }
            params.set("q", text.substring(0, end));
        } else {
            throw new IllegalArgumentException("q must be within 0.0..1.0 (or -1.0): " + q);
        }
    }

    @Override
    public int getExpires() {
        String e = params.get("expires");
        try {
            return e == null ? -1 : Integer.parseInt(e.trim());
        } catch (NumberFormatException ex) {
            return -1;
        }
    }

    @Override
    public void setExpires(int seconds) {
        checkWritable();
        if (seconds < 0) {
            params.remove("expires");
        } else {
            params.set("expires", Integer.toString(seconds));
        }
    }

    /**
     * Gives the address without header parameters: display name and URI in angle brackets, or
     * {@code *}.
     *
     * @return the address part of the header value
     */
    @Override
    public String getValue() {
        if (wildcard) {
            return "*";
        }
        StringBuilder sb = new StringBuilder(64);
        if (displayName != null) {
            if (isTokenRun(displayName)) {
                sb.append(displayName);
            } else {
                Escapes.quote(displayName, sb);
            }
            sb.append(' ');
        }
        return sb.append('<').append(uri).append('>').toString();
    }

    /**
     * Replaces display name and URI by those parsed from {@code value}; parameters found in it
     * are added to the current ones.
     *
     * @param value an address, as accepted by {@link #parse(String)}
     * @throws IllegalArgumentException if the text is not a valid address
     * @throws IllegalStateException if this address is read-only
     */
    @Override
    public void setValue(String value) {
        checkWritable();
        AddressImpl a;
        try {
            a = parse(value);
        } catch (ServletParseException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        displayName = a.displayName;
        uri = a.uri;
        wildcard = a.wildcard;
        for (var p : a.params.entries()) {
            params.set(p.getKey(), p.getValue());
        }
    }

    /** Tells whether a display name is tokens separated by single spaces, so needs no quotes. */
    private static boolean isTokenRun(String s) {
        for (String part : s.split(" ", -1)) {
            if (!Escapes.isToken(part)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public AddressImpl clone() {
        AddressImpl c = (AddressImpl) super.clone();
        c.uri = uri == null ? null : uri.clone();
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof AddressImpl a && wildcard == a.wildcard
                && Objects.equals(uri, a.uri) && params.sameAs(a.params);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hashCode(uri) + params.sameAsHash() + (wildcard ? 1 : 0);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(getValue());
        params.encodeHeader(sb);
        return sb.toString();
    }
}
