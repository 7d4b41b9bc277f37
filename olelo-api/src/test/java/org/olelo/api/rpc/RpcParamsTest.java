package org.olelo.api.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RpcParamsTest {

    @Test
    void positionalValuesAreNamedInOrder() throws RpcException {
        RpcParams p = RpcParams.positional(List.of("aor", "limit"), List.of("sip:bob@example.com", "5"));
        assertEquals("sip:bob@example.com", p.text("aor"));
        assertEquals(5, p.number("limit"));
    }

    @Test
    void tooManyPositionalValuesAreRefusedWithTheExpectedNames() {
        RpcException e = assertThrows(RpcException.class,
                () -> RpcParams.positional(List.of("id"), List.of("1", "2")));
        assertEquals(RpcException.INVALID_PARAMS, e.code());
        assertTrue(e.getMessage().contains("(id)"), e.getMessage());
    }

    @Test
    void typedGettersAcceptJsonValuesAndText() throws RpcException {
        RpcParams p = new RpcParams(Map.of("n", 7, "t", "12", "b", true, "s", "false"));
        assertEquals(7, p.number("n"));
        assertEquals(12, p.number("t"));
        assertTrue(p.flag("b", false));
        assertFalse(p.flag("s", true));
        assertEquals(3, p.number("absent", 3));
        assertTrue(p.optionalText("absent").isEmpty());
    }

    @Test
    void missingAndMalformedParametersSayWhichOne() {
        RpcParams p = new RpcParams(Map.of("n", "x", "f", 1.5, "m", Map.of()));
        assertTrue(assertThrows(RpcException.class, () -> p.text("aor")).getMessage().contains("'aor'"));
        assertTrue(assertThrows(RpcException.class, () -> p.number("n")).getMessage().contains("whole number"));
        assertThrows(RpcException.class, () -> p.number("f"));
        assertThrows(RpcException.class, () -> p.text("m"));
        assertThrows(RpcException.class, () -> p.flag("n", false));
    }
}
