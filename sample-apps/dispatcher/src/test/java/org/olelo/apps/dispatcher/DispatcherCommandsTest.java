package org.olelo.apps.dispatcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.api.rpc.RpcCommand;
import org.olelo.api.rpc.RpcException;
import org.olelo.api.rpc.RpcParams;

class DispatcherCommandsTest {

    @TempDir
    Path dir;

    private final List<String> log = new ArrayList<>();
    private Dispatcher dispatcher;
    private Map<String, RpcCommand> commands;

    private void start(String fileText) throws Exception {
        Path file = dir.resolve("dispatcher.list");
        Files.writeString(file, fileText);
        DispatcherConfig config = new DispatcherConfig(1, Algorithm.ROUND_ROBIN, true, 1, 1, "OPTIONS", file.toString(), false);
        dispatcher = new Dispatcher(config, new Dispatcher.Source() {
            @Override
            public List<Destination> load() throws ListFileException {
                return ListFile.read(file);
            }

            @Override
            public String describe() {
                return "list file";
            }
        }, u -> null, new DispatcherStatistics(null), log::add);
        dispatcher.reload();
        commands = new java.util.HashMap<>();
        for (RpcCommand c : new DispatcherCommands(dispatcher, log::add).commands()) {
            commands.put(c.name(), c);
        }
    }

    private Object call(String name, Object... positional) throws RpcException {
        RpcCommand c = commands.get(name);
        return c.handler().call(RpcParams.positional(c.params(), List.of(positional)));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> destination(int set, int index) throws RpcException {
        Map<String, Object> list = (Map<String, Object>) call("dispatcher.list");
        List<Map<String, Object>> sets = (List<Map<String, Object>>) list.get("sets");
        Map<String, Object> s = sets.stream().filter(m -> m.get("setid").equals(set)).findFirst().orElseThrow();
        return ((List<Map<String, Object>>) s.get("destinations")).get(index);
    }

    @Test
    void listShowsSetsStateAndLoad() throws Exception {
        start("1 sip:10.0.0.1 0 0 duid=a;maxload=3 first\n1 sip:10.0.0.2\n2 sip:10.0.0.9 2 7\n");
        dispatcher.all().get(0).tryLoadUp();
        Map<String, Object> first = destination(1, 0);
        assertEquals("sip:10.0.0.1", first.get("uri"));
        assertEquals("active", first.get("state"));
        assertEquals(1, first.get("load"));
        assertEquals(3, first.get("maxload"));
        assertEquals("first", first.get("description"));
        assertEquals(7, destination(2, 0).get("priority"));
        assertEquals(4, ((Map<?, ?>) call("dispatcher.list")).get("algorithm"));
    }

    @Test
    void setStateForcesAStateAndLogsIt() throws Exception {
        start("1 sip:10.0.0.1\n1 sip:10.0.0.2\n");
        assertEquals(Map.of("destination", "sip:10.0.0.2", "state", "inactive", "changed", 1),
                call("dispatcher.set_state", "inactive", "sip:10.0.0.2"));
        assertEquals("inactive", destination(1, 1).get("state"));
        assertEquals(true, destination(1, 1).get("held"));
        assertEquals(List.of(dispatcher.all().get(0)), dispatcher.select(Sets.keys("c", "f", "t")));
        assertTrue(log.get(log.size() - 1).contains("sip:10.0.0.2 (set 1) set inactive by an operator (was active)"));
        call("dispatcher.set_state", "ACTIVE", "sip:10.0.0.2");
        assertEquals("active", destination(1, 1).get("state"));
    }

    @Test
    void setStateRefusesBadInput() throws Exception {
        start("1 sip:10.0.0.1\n");
        RpcException bad = assertThrows(RpcException.class, () -> call("dispatcher.set_state", "broken", "sip:10.0.0.1"));
        assertEquals(RpcException.INVALID_PARAMS, bad.code());
        RpcException none = assertThrows(RpcException.class, () -> call("dispatcher.set_state", "active", "sip:10.9.9.9"));
        assertEquals(RpcException.NOT_FOUND, none.code());
        RpcException missing = assertThrows(RpcException.class, () -> call("dispatcher.set_state", "active"));
        assertEquals(RpcException.INVALID_PARAMS, missing.code());
    }

    @Test
    void reloadKeepsStatesOfRemainingDestinationsAndKeepsTheOldSetsOnError() throws Exception {
        start("1 sip:10.0.0.1\n1 sip:10.0.0.2\n");
        call("dispatcher.set_state", "inactive", "sip:10.0.0.2");
        Files.writeString(dir.resolve("dispatcher.list"), "1 sip:10.0.0.2\n1 sip:10.0.0.3\n");
        assertEquals(Map.of("destinations", 2), call("dispatcher.reload"));
        assertEquals("inactive", destination(1, 0).get("state"));
        assertEquals("sip:10.0.0.3", destination(1, 1).get("uri"));
        Files.writeString(dir.resolve("dispatcher.list"), "1 sip:10.0.0.4\nbroken\n");
        RpcException e = assertThrows(RpcException.class, () -> call("dispatcher.reload"));
        assertEquals(RpcException.FAILED, e.code());
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        assertEquals("sip:10.0.0.3", destination(1, 1).get("uri"));
    }
}
