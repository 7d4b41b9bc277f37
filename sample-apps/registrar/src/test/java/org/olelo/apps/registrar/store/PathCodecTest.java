package org.olelo.apps.registrar.store;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PathCodecTest {

    @Test
    void commasInsideAnglesAndQuotesDoNotSplit() {
        List<String> path = List.of("<sip:a.example.com;lr>", "\"x, \\\"y\\\"\" <sip:b.example.com;lr>",
                "<sip:c.example.com;lr;k=a,b>");
        assertEquals(path, PathCodec.decode(PathCodec.encode(path)));
    }

    @Test
    void emptyPathIsNull() {
        assertNull(PathCodec.encode(List.of()));
        assertEquals(List.of(), PathCodec.decode(null));
        assertEquals(List.of(), PathCodec.decode(" "));
    }
}
