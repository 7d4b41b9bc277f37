package org.olelo.container.internal.address;

import gov.nist.javax.sip.address.SipUri;
import gov.nist.javax.sip.header.Contact;
import java.text.ParseException;

/**
 * Builds the JAIN-SIP Contact header of an {@link AddressImpl} from its parts, without writing it
 * as text and parsing that again: the address was validated when it was parsed or built, so its
 * parts go straight into JAIN-SIP's objects. Only the plain shape every registrar answer and most
 * user agents use is converted this way ({@code <sip:user@host:port;params>;params}: no display
 * name, user, host and parameters of token characters, a host name or IPv4 address, no URI
 * headers); for anything else the caller takes the text path, whose parser knows every rule.
 *
 * <p>Stateless; safe for any thread; never blocks.
 */
public final class JainContacts {

    private JainContacts() {
    }

    /**
     * @param address an address an application hands to a message
     * @return a new Contact header with the same text as {@code address}, or null when the address
     *         is not of the plain shape (then parse its text instead)
     */
    public static Contact contactOrNull(AddressImpl address) {
        if (address.wildcard || address.displayName != null || !(address.uri instanceof SipURIImpl u)
                || !plain(u) || !address.params.allPlain(true)) {
            return null;
        }
        try {
            SipUri su = new SipUri();
            su.setScheme(u.secure ? "sips" : "sip");
            if (u.user != null) {
                su.setUser(u.user);
            }
            su.setHost(u.host);
            if (u.port >= 0) {
                su.setPort(u.port);
            }
            u.params.copyToUri(su);
            gov.nist.javax.sip.address.AddressImpl a = new gov.nist.javax.sip.address.AddressImpl();
            a.setAddressType(gov.nist.javax.sip.address.AddressImpl.NAME_ADDR);
            a.setURI(su);
            Contact c = new Contact();
            c.setAddress(a);
            address.copyParametersTo(c);
            return c;
        } catch (ParseException | RuntimeException e) {
            return null; // JAIN-SIP has a rule of its own about this address: let its parser decide
        }
    }

    private static boolean plain(SipURIImpl u) {
        return u.password == null && u.headers.isEmpty() && u.host != null && isHostName(u.host)
                && (u.user == null || ParamList.plainToken(u.user, false)) && u.params.allPlain(false);
    }

    /** A host name or IPv4 address: letters, digits, dots and hyphens (no IPv6 reference). */
    private static boolean isHostName(String h) {
        if (h.isEmpty()) {
            return false;
        }
        for (int i = 0; i < h.length(); i++) {
            char c = h.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-')) {
                return false;
            }
        }
        return true;
    }
}
