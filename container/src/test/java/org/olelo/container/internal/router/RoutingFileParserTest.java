package org.olelo.container.internal.router;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoutingFileParserTest {

    @TempDir
    Path tmp;

    private RoutingTable parse(String text) throws Exception {
        Path f = tmp.resolve("r.properties");
        Files.writeString(f, text);
        return RoutingFileParser.parse(f);
    }

    private RoutingError error(String text) throws Exception {
        Path f = tmp.resolve("r.properties");
        Files.writeString(f, text);
        RoutingError e = assertThrows(RoutingSyntaxException.class, () -> RoutingFileParser.parse(f)).error();
        assertEquals(f, e.file());
        return e;
    }

    private static final String T = "(\"a\", \"DAR:From\", \"ORIGINATING\", \"\", \"NO_ROUTE\", \"0\"";

    @Test
    void plainDarSyntax() throws Exception {
        RoutingTable t = parse("INVITE: " + T + "), (\"b\", \"DAR:To\", \"TERMINATING\", \"\", \"NO_ROUTE\", \"1\")\n"
                + "SUBSCRIBE=" + T + ")\n");
        assertEquals(2, t.tuples("INVITE").size());
        assertEquals("b", t.tuples("INVITE").get(1).application());
        assertEquals(1, t.tuples("SUBSCRIBE").size());
        assertEquals(null, t.keyFor("OPTIONS"));
        assertTrue(parse("# nothing\n\n").byMethod().isEmpty());
    }

    @Test
    void quotedFieldsKeepBackslashesExceptEscapedQuotes() throws Exception {
        RoutingTable t = parse("INVITE: " + T + ", \"header.Subject=~.*\\\"x\\\".* && ruri.user =~ \\d+\")\n");
        assertEquals("header.Subject=~.*\"x\".*", t.tuples("INVITE").get(0).conditions().get(0).toString());
        assertEquals("ruri.user=~\\d+", t.tuples("INVITE").get(0).conditions().get(1).toString());
    }

    @Test
    void faultsNameTheLineAndWhatWasExpected() throws Exception {
        RoutingError e = error("\n\nINVITE: " + T + ")\nBYE " + T + "\n");
        assertEquals(4, e.line());
        assertTrue(e.reason().contains("expected ',' or ')'"), e::toString);

        e = error("INVITE: (\"a\", \"DAR:From\", \"ORIGINATING\", \"\", \"NO_ROUTE\")\n");
        assertTrue(e.reason().contains("expected 6 fields"), e::toString);

        e = error("INVITE: " + T + ")\n# x\nINVITE: " + T + ")\n");
        assertEquals(3, e.line());
        assertTrue(e.reason().contains("duplicate key INVITE (first given at line 1)"), e::toString);

        e = error("INVITE: (\"a\", \"DAR:From\", \"ORIGINATING\", \"\", \"SOMETIMES\", \"0\")\n");
        assertTrue(e.reason().contains("expected ROUTE, ROUTE_BACK or NO_ROUTE"), e::toString);

        e = error("INVITE: (\"a\", \"DAR:From\", \"ORIGINATING\", \"\", \"ROUTE\", \"0\")\n");
        assertTrue(e.reason().contains("route URI"), e::toString);

        e = error("INVITE: " + T + ") (\n");
        assertTrue(e.reason().contains("expected ',' between tuples"), e::toString);

        e = error("INVITE: " + T + "\n");
        assertTrue(e.reason().contains("end of the line"), e::toString);
    }

    @Test
    void badConditionsAreSyntaxErrors() throws Exception {
        RoutingError e = error("INVITE: " + T + ", \\\n  \"ruri.user=~[0-9\")\n");
        assertEquals(2, e.line(), e::toString);
        assertTrue(e.reason().contains("invalid regular expression '[0-9'"), e::toString);

        e = error("INVITE: " + T + ", \"ruri.password=x\")\n");
        assertTrue(e.reason().contains("expected a condition key"), e::toString);

        e = error("INVITE: " + T + ", \"source=my.host.example\")\n");
        assertTrue(e.reason().contains("expected an IP address literal or CIDR block"), e::toString);

        e = error("INVITE: " + T + ", \"source=10.0.0.0/33\")\n");
        assertTrue(e.reason().contains("prefix length"), e::toString);

        e = error("INVITE: " + T + ", \"transport udp\")\n");
        assertTrue(e.reason().contains("key op value"), e::toString);
    }

    @Test
    void cidrBlocks() {
        assertTrue(Cidr.parse("127.0.0.0/8").contains("127.255.0.1"));
        assertFalse(Cidr.parse("127.0.0.0/8").contains("128.0.0.1"));
        assertTrue(Cidr.parse("192.168.1.128/25").contains("192.168.1.200"));
        assertFalse(Cidr.parse("192.168.1.128/25").contains("192.168.1.100"));
        assertTrue(Cidr.parse("10.1.2.3").contains("10.1.2.3"));
        assertFalse(Cidr.parse("10.1.2.3").contains("10.1.2.4"));
        assertTrue(Cidr.parse("2001:db8::/32").contains("2001:db8:1::5"));
        assertTrue(Cidr.parse("2001:db8::/32").contains("[2001:db8::1]"));
        assertFalse(Cidr.parse("2001:db8::/32").contains("10.0.0.1"));
        assertFalse(Cidr.parse("10.0.0.0/8").contains("not-an-ip"));
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse("300.1.1.1"));
    }
}
