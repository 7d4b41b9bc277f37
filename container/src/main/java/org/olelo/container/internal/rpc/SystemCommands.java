package org.olelo.container.internal.rpc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.olelo.api.rpc.RpcCommand;
import org.olelo.api.rpc.RpcException;

/**
 * {@code system.listMethods} and {@code system.methodHelp}: what the server offers, read from the
 * registry at each call (so applications' commands come and go with them). Stateless.
 */
public final class SystemCommands {

    private SystemCommands() {
    }

    /**
     * @param registry the registry to describe
     * @return the two commands
     */
    public static List<RpcCommand> commands(RpcRegistry registry) {
        return List.of(
                new RpcCommand("system.listMethods", List.of(), "every method with its parameters and help",
                        p -> Map.of("methods", registry.all().stream().map(SystemCommands::describe).toList())),
                new RpcCommand("system.methodHelp", List.of("method"), "the parameters and help of one method",
                        p -> {
                            String name = p.text("method");
                            RpcRegistry.Entry e = registry.find(name);
                            if (e == null) {
                                throw new RpcException(RpcException.NOT_FOUND, "no method " + name);
                            }
                            return describe(e);
                        }));
    }

    private static Map<String, Object> describe(RpcRegistry.Entry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", e.command().name());
        m.put("params", e.command().params());
        m.put("help", e.command().help());
        m.put("owner", e.owner());
        return m;
    }
}
