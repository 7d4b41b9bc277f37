package org.olelo.apps.presence.pidf;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PidfTest {

    static final String OPEN = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"pres:alice@example.com\">"
            + "<tuple id=\"a\"><status><basic>closed</basic></status></tuple>"
            + "<tuple id=\"b\"><status><basic>open</basic></status></tuple></presence>";

    private static Pidf parse(String xml) throws InvalidPidfException {
        return Pidf.parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aValidDocumentIsOpenWhenOneTupleIsOpen() throws Exception {
        assertEquals("open", parse(OPEN).basic());
        assertEquals("closed", parse(OPEN.replace(">open<", ">closed<")).basic());
        assertNull(parse("<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"sip:a@b\"/>").basic());
    }

    @Test
    void anyDoctypeIsRefusedSoNoEntityIsEverResolvedOrExpanded() {
        String external = "<?xml version=\"1.0\"?><!DOCTYPE presence [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>"
                + OPEN.substring(OPEN.indexOf("?>") + 2).replace(">open<", ">&x;<");
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE p [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">"
                + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;\">]><presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"x\">"
                + "<note>&c;</note></presence>";
        String dtd = "<?xml version=\"1.0\"?><!DOCTYPE presence SYSTEM \"http://127.0.0.1:9/p.dtd\">"
                + "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"x\"/>";
        for (String xml : new String[] {external, laughs, dtd}) {
            InvalidPidfException e = assertThrows(InvalidPidfException.class, () -> parse(xml));
            assertEquals("body is not well-formed XML without DTD", e.getMessage());
        }
    }

    @Test
    void theRootTheEntityAndEachTuplesIdAndStatusAreRequired() {
        assertEquals("root element is not PIDF presence", assertThrows(InvalidPidfException.class,
                () -> parse("<presence xmlns=\"urn:example\" entity=\"x\"/>")).getMessage());
        assertEquals("presence has no entity", assertThrows(InvalidPidfException.class,
                () -> parse("<presence xmlns=\"urn:ietf:params:xml:ns:pidf\"/>")).getMessage());
        assertEquals("tuple without id or status", assertThrows(InvalidPidfException.class,
                () -> parse(OPEN.replace("<tuple id=\"a\">", "<tuple>"))).getMessage());
        assertEquals("tuple without id or status", assertThrows(InvalidPidfException.class,
                () -> parse("<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"x\"><tuple id=\"t\"/></presence>"))
                .getMessage());
        assertEquals("basic status is neither open nor closed", assertThrows(InvalidPidfException.class,
                () -> parse(OPEN.replace(">open<", ">unknown<"))).getMessage());
        assertThrows(InvalidPidfException.class, () -> parse("not xml at all"));
        assertThrows(InvalidPidfException.class, () -> parse(""));
    }
}
