package org.olelo.apps.dispatcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListFileTest {

    @Test
    void readsKamailioLines() throws Exception {
        List<Destination> list = ListFile.parse(List.of(
                "# setid destination flags priority attrs",
                "",
                "1 sip:10.0.0.1:5060",
                "  1\tsip:10.0.0.2:5080;transport=tcp 2 10 weight=30;duid=gw2;maxload=50 second gateway # backup",
                "2 sips:gw.example.com 0 5"));
        assertEquals(3, list.size());
        assertEquals(new Destination(1, "sip:10.0.0.1:5060", 0, 0, "", "", 1, 0), list.get(0));
        Destination second = list.get(1);
        assertEquals("sip:10.0.0.2:5080;transport=tcp", second.uri());
        assertEquals(2, second.flags());
        assertEquals(10, second.priority());
        assertEquals(30, second.weight());
        assertEquals(50, second.maxLoad());
        assertEquals("gw2", second.duid());
        assertEquals("second gateway", second.description());
        assertEquals(2, list.get(2).setId());
        assertEquals(5, list.get(2).priority());
    }

    @Test
    void reportsEveryBadLineWithItsNumber() {
        ListFileException e = assertThrows(ListFileException.class, () -> ListFile.parse(List.of(
                "1 sip:ok",
                "x sip:10.0.0.1",
                "1",
                "1 http://example.com",
                "# fine",
                "1 sip:10.0.0.3 zero",
                "1 sip:10.0.0.4 0 0 weight=500",
                "1 sip:10.0.0.5 0 0 maxload=many")));
        assertEquals(List.of(
                "line 2: setid must be a whole number but is 'x'",
                "line 3: expected 'setid destination [flags [priority [attrs]]]'",
                "line 4: destination must be a sip: or sips: URI but is 'http://example.com'",
                "line 6: flags must be a whole number but is 'zero'",
                "line 7: attribute weight must be a number from 1 to 100 but is '500'",
                "line 8: attribute maxload must be a number from 0 to 1000000 but is 'many'"), e.problems());
        assertTrue(e.getMessage().startsWith("6 bad line(s): line 2:"), e.getMessage());
    }

    @Test
    void namesTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("dispatcher.list");
        Files.writeString(file, "1 sip:127.0.0.1:5070\n1 nonsense\n");
        ListFileException e = assertThrows(ListFileException.class, () -> ListFile.read(file));
        assertTrue(e.getMessage().startsWith(file + ": 1 bad line(s): line 2: "), e.getMessage());
        ListFileException missing = assertThrows(ListFileException.class, () -> ListFile.read(dir.resolve("none")));
        assertTrue(missing.getMessage().startsWith("cannot read "), missing.getMessage());
        Files.writeString(file, "1 sip:127.0.0.1:5070\n");
        assertEquals(1, ListFile.read(file).size());
    }
}
