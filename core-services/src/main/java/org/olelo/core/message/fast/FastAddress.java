package org.olelo.core.message.fast;

import gov.nist.core.NameValue;
import gov.nist.javax.sip.address.AddressImpl;
import gov.nist.javax.sip.address.SipUri;
import gov.nist.javax.sip.header.AddressParametersHeader;
import java.text.ParseException;

/**
 * From and To's fast path: {@code ["display name"] <sip:[user@]host[:port](;name[=value])*>(;name[=value])*}
 * where the display name is quoted without backslash, the user, parameter names and values are
 * token characters, the host a name or IPv4 address (letters, digits, dots, hyphens) and the port at
 * most five digits, with no name given twice. Anything else (an addr-spec without angle brackets, an
 * unquoted display name, sips or tel URIs, passwords, escapes, URI headers, IPv6 references, quoted
 * parameter values, white space inside) is declined. Builds the address as {@code AddressParser} and
 * {@code URLParser} build it, through the same calls.
 *
 * <p>Stateless; any thread.
 */
final class FastAddress {

    private FastAddress() {
    }

    /** Fills {@code header} from the value {@code d[s, e)}; false (header unusable) to decline. */
    static boolean parse(AddressParametersHeader header, byte[] d, int s, int e) throws ParseException {
        int k = s;
        String display = null;
        if (d[k] == '"') {
            int q = k + 1;
            while (q < e && d[q] != '"' && d[q] != '\\' && (d[q] & 0xff) >= ' ' && (d[q] & 0xff) < 0x7f) {
                q++;
            }
            if (q >= e || d[q] != '"') {
                return false;
            }
            display = Bytes.ascii(d, k + 1, q);
            k = q + 1;
            while (k < e && d[k] == ' ') {
                k++;
            }
        }
        if (k + 5 >= e || d[k] != '<' || d[k + 1] != 's' || d[k + 2] != 'i' || d[k + 3] != 'p' || d[k + 4] != ':') {
            return false;
        }
        int gt = k + 5;
        while (gt < e && d[gt] != '>') {
            gt++;
        }
        if (gt >= e) {
            return false;
        }
        SipUri uri = uri(d, k + 5, gt);
        if (uri == null) {
            return false;
        }
        AddressImpl address = new AddressImpl();
        address.setAddressType(AddressImpl.NAME_ADDR);
        if (display != null) {
            address.setDisplayName(display);
        }
        address.setURI(uri);
        header.setAddress(address);
        int p = gt + 1;
        while (p < e) {
            if (d[p] != ';') {
                return false;
            }
            int n = p + 1;
            int ne = token(d, n, e);
            if (ne == n) {
                return false;
            }
            String name = Bytes.ascii(d, n, ne);
            if (header.getParameter(name) != null || header.hasParameter(name)) {
                return false;
            }
            p = ne;
            if (p < e && d[p] == '=') {
                int vs = p + 1;
                p = token(d, vs, e);
                if (p == vs) {
                    return false;
                }
                header.setParameter(new NameValue(name, Bytes.ascii(d, vs, p), false));
            } else {
                header.setParameter(new NameValue(name, "", true));
            }
        }
        return true;
    }

    /** {@code [user@]host[:port](;name[=value])*} after {@code sip:}; null to decline. */
    static SipUri uri(byte[] d, int s, int e) throws ParseException {
        int at = s;
        while (at < e && d[at] != '@') {
            at++;
        }
        String user = null;
        int h = s;
        if (at < e) {
            int ue = token(d, s, at);
            if (ue == s || ue != at) {
                return null;
            }
            user = Bytes.ascii(d, s, at);
            h = at + 1;
        }
        int p = FastHostPort.end(d, h, e);
        if (p < 0) {
            return null;
        }
        SipUri uri = new SipUri();
        uri.setScheme("sip");
        if (user != null) {
            uri.setUser(user);
        }
        uri.setHostPort(FastHostPort.of(d, h, p));
        while (p < e) {
            if (d[p] != ';') {
                return null;
            }
            int n = p + 1;
            int ne = token(d, n, e);
            if (ne == n) {
                return null;
            }
            String name = Bytes.ascii(d, n, ne);
            if (uri.getParameter(name) != null) {
                return null;
            }
            p = ne;
            if (p < e && d[p] == '=') {
                int vs = p + 1;
                p = token(d, vs, e);
                if (p == vs) {
                    return null;
                }
                uri.setUriParameter(new NameValue(name, Bytes.ascii(d, vs, p), false));
            } else {
                uri.setUriParameter(new NameValue(name, "", true));
            }
        }
        return uri;
    }

    /** Token characters other than {@code %} (no escapes to decode). */
    private static int token(byte[] d, int s, int e) {
        int k = s;
        while (k < e && Bytes.isToken(d[k]) && d[k] != '%') {
            k++;
        }
        return k;
    }
}
