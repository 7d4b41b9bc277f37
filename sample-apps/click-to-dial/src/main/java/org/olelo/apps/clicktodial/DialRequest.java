package org.olelo.apps.clicktodial;

import jakarta.servlet.sip.Address;
import jakarta.servlet.sip.ServletParseException;
import jakarta.servlet.sip.SipFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * The two parties of a click-to-dial request, from the body of the MESSAGE that asks for the
 * call: two SIP addresses (URI or name-addr), one per line or separated by a comma; the first is
 * called first.
 *
 * @param a the party called first (it hears the ringing of {@code b})
 * @param b the party called once {@code a} answers
 */
record DialRequest(Address a, Address b) {

    /**
     * Parses a MESSAGE body.
     *
     * @throws IllegalArgumentException with a reason fit for a 400 when the body is not two SIP addresses
     */
    static DialRequest parse(String body, SipFactory factory) {
        List<String> parts = new ArrayList<>();
        for (String line : (body == null ? "" : body).split("[\\r\\n]+")) {
            for (String p : line.split(",")) {
                if (!p.isBlank()) {
                    parts.add(p.trim());
                }
            }
        }
        if (parts.size() != 2) {
            throw new IllegalArgumentException("the body must name two parties, one per line; it names " + parts.size());
        }
        return new DialRequest(address(parts.get(0), factory), address(parts.get(1), factory));
    }

    private static Address address(String text, SipFactory factory) {
        try {
            Address a = factory.createAddress(text);
            if (!a.getURI().isSipURI()) {
                throw new IllegalArgumentException("not a SIP address: " + text);
            }
            return a;
        } catch (ServletParseException e) {
            throw new IllegalArgumentException("not a SIP address: " + text);
        }
    }
}
