package org.olelo.apps.presence.pidf;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PidfComposerTest {

    private static Pidf doc(String children) throws InvalidPidfException {
        return Pidf.parse(("<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" xmlns:dm=\"urn:ietf:params:xml:ns:pidf:data-model\""
                + " xmlns:rpid=\"urn:ietf:params:xml:ns:pidf:rpid\" entity=\"pres:someone@else\">" + children
                + "</presence>").getBytes(StandardCharsets.UTF_8));
    }

    private static String tuple(String id, String basic) {
        return "<tuple id=\"" + id + "\"><status><basic>" + basic + "</basic></status></tuple>";
    }

    @Test
    void nothingPublishedIsOneClosedTuple() throws Exception {
        String closed = PidfComposer.compose("sip:alice@example.com", List.of());
        Pidf back = Pidf.parse(closed.getBytes(StandardCharsets.UTF_8));
        assertEquals("closed", back.basic());
        assertTrue(closed.contains("entity=\"sip:alice@example.com\""), closed);
    }

    @Test
    void tuplesOfAllPublicationsAreMergedAndTheNewestWinsForTheSameId() throws Exception {
        Pidf older = doc(tuple("pc", "open") + tuple("phone", "closed") + "<note>at my desk</note>");
        Pidf newer = doc(tuple("phone", "open") + "<dm:person id=\"p1\"><rpid:activities><rpid:busy/></rpid:activities>"
                + "</dm:person><note>on the phone</note>");
        String merged = PidfComposer.compose("sip:alice@example.com", List.of(older, newer));
        Pidf back = Pidf.parse(merged.getBytes(StandardCharsets.UTF_8));
        assertEquals(4, back.children().size(), merged);
        assertEquals("pc", back.children().get(0).getAttribute("id"), "first place kept");
        assertEquals("phone", back.children().get(1).getAttribute("id"));
        assertTrue(back.children().get(1).getTextContent().contains("open"), "the newer phone tuple: " + merged);
        assertEquals("urn:ietf:params:xml:ns:pidf:data-model", back.children().get(2).getNamespaceURI(), merged);
        assertEquals("on the phone", back.children().get(3).getTextContent(), "notes from the newest only: " + merged);
        assertTrue(merged.contains("entity=\"sip:alice@example.com\""), "the entity is the presentity's: " + merged);
        assertTrue(merged.contains("busy"), merged);
    }
}
