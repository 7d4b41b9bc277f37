package org.olelo.apps.registrar.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Bindings that go with the WebSocket connection they were registered over, and only those. */
class ConnectionBindingsTest {

    private final RegistrarFixture f = new RegistrarFixture();

    @Test
    void aClosedWebSocketTakesItsBindingsAndNoOthers() throws Exception {
        f.ok(Reg.alice().contact("sip:alice@df7jal23ls0d.invalid;transport=ws").from("192.0.2.7", 40001, "WS"));
        f.ok(Reg.alice().contact("sip:alice@192.0.2.8:5060").cseq(2).from("192.0.2.8", 5060, "UDP"));
        f.ok(Reg.alice().contact("sip:alice@192.0.2.9:5060;transport=tcp").cseq(3).from("192.0.2.9", 5060, "TCP"));
        assertEquals(3, f.stored().size());

        assertEquals(0, f.registrar.connections().closed("ws", "sip:192.0.2.7:40002"), "another connection");
        assertEquals(0, f.registrar.connections().closed("tcp", "sip:192.0.2.9:5060"), "TCP bindings can be reached again");
        assertEquals(1, f.registrar.connections().closed("WS", "sip:192.0.2.7:40001"));
        assertEquals(List.of("sip:alice@192.0.2.8:5060", "sip:alice@192.0.2.9:5060;transport=tcp"), f.storedContacts());
        assertEquals(0, f.registrar.connections().size(), "the index forgets the closed connection");
        assertEquals(0, f.registrar.connections().closed("ws", "sip:192.0.2.7:40001"), "told twice: nothing more");
    }

    @Test
    void aBrowserThatReRegisteredOverANewConnectionKeepsItsBinding() throws Exception {
        f.ok(Reg.alice().contact("sip:alice@df7jal23ls0d.invalid;transport=ws").from("192.0.2.7", 40001, "WS"));
        f.ok(Reg.alice().contact("sip:alice@df7jal23ls0d.invalid;transport=ws").cseq(2).from("192.0.2.7", 40005, "WS"));
        assertEquals(0, f.registrar.connections().closed("ws", "sip:192.0.2.7:40001"), "the old connection's close comes late");
        assertEquals(1, f.stored().size());
        assertEquals(1, f.registrar.connections().closed("ws", "sip:192.0.2.7:40005"));
        assertEquals(List.of(), f.stored());
    }
}
