package org.olelo.container.internal.address;

import jakarta.servlet.sip.ServletParseException;

/**
 * Parser for address header values (RFC 3261 sections 20.10 and 25.1): name-addr with an
 * optional quoted or token display name, or addr-spec whose {@code ;} parameters belong to the
 * header, followed by header parameters.
 */
final class AddressParser {

    private AddressParser() {
    }

    /**
     * Parses a trimmed, non-wildcard address.
     *
     * @throws ServletParseException if the URI is malformed
     * @throws IllegalArgumentException if the rest of the syntax is malformed
     */
    static AddressImpl parse(String s) throws ServletParseException {
        AddressImpl a = new AddressImpl();
        int i = 0;
        if (s.startsWith("\"")) {
            StringBuilder dn = new StringBuilder();
            i = Escapes.skipSpaces(s, Escapes.readQuoted(s, 0, dn));
            a.displayName = dn.length() == 0 ? null : dn.toString();
            if (i >= s.length() || s.charAt(i) != '<') {
                throw new IllegalArgumentException("expected '<' after the display name");
            }
        } else {
            int lt = s.indexOf('<');
            int semi = s.indexOf(';');
            if (lt >= 0 && (semi < 0 || lt < semi)) {
                String dn = s.substring(0, lt).trim();
                if (dn.indexOf('"') >= 0 || dn.indexOf('>') >= 0) {
                    throw new IllegalArgumentException("malformed display name: " + dn);
                }
                a.displayName = dn.isEmpty() ? null : dn;
                i = lt;
            }
        }
        int paramsAt;
        if (i < s.length() && s.charAt(i) == '<') {
            int gt = s.indexOf('>', i);
            if (gt < 0) {
                throw new IllegalArgumentException("missing '>'");
            }
            a.uri = Uris.parse(s.substring(i + 1, gt));
            paramsAt = gt + 1;
        } else {
            int semi = s.indexOf(';');
            paramsAt = semi < 0 ? s.length() : semi;
            a.uri = Uris.parse(s.substring(0, paramsAt));
        }
        a.params = ParamList.parseHeader(s, paramsAt);
        return a;
    }
}
