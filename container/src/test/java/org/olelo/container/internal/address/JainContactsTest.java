package org.olelo.container.internal.address;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import gov.nist.javax.sip.header.Contact;
import gov.nist.javax.sip.header.SIPHeader;
import gov.nist.javax.sip.header.SIPHeaderList;
import gov.nist.javax.sip.parser.StringMsgParser;
import org.junit.jupiter.api.Test;

/**
 * A Contact built from an address's parts is the header JAIN-SIP's parser makes of the address's
 * text: same wire text, same URI, same expires and q; addresses outside the plain shape are left
 * to the parser.
 */
class JainContactsTest {

    private static Contact parsed(AddressImpl a) throws Exception {
        SIPHeader h = StringMsgParser.parseSIPHeader("Contact: " + a + "\r\n");
        return (Contact) (h instanceof SIPHeaderList<?> l ? l.getFirst() : h);
    }

    @Test
    void plainContactsMatchWhatTheParserMakesOfTheirText() throws Exception {
        for (String text : new String[] {
                "<sip:alice@127.0.0.1:5080;transport=UDP>;expires=3600",
                "<sip:alice@example.com;lr;transport=tcp>;expires=60;q=0.5",
                "<sips:bob@host-1.example.org>;+sip.instance=\"<urn:uuid:00000000-0000-1000-8000-AABBCCDDEEFF>\";reg-id=1",
                "<sip:example.com>;ob",
                "<sip:u@h;ob>",
                "<sip:+1555.0100@h;user=phone>;expires=0",
                "sip:carol@10.0.0.7:5062",
        }) {
            AddressImpl a = AddressImpl.parse(text);
            Contact built = JainContacts.contactOrNull(a);
            assertNotNull(built, text);
            Contact expected = parsed(a);
            assertEquals(expected.encode(), built.encode(), text);
            assertEquals(expected.getAddress().getURI(), built.getAddress().getURI(), text);
            assertEquals(expected.getExpires(), built.getExpires(), text);
            assertEquals(expected.getQValue(), built.getQValue(), text);
        }
    }

    @Test
    void addressesOutsideThePlainShapeAreLeftToTheParser() throws Exception {
        for (String text : new String[] {
                "\"Alice\" <sip:alice@example.com>",
                "<sip:alice@[::1]:5060>",
                "<sip:a%20b@example.com>",
                "<sip:alice:secret@example.com>",
                "<sip:alice@example.com?subject=hi>",
                "<sip:alice@example.com;x=a%25b>",
                "<tel:+15550100>",
                "*",
        }) {
            assertNull(JainContacts.contactOrNull(AddressImpl.parse(text)), text);
        }
    }
}
