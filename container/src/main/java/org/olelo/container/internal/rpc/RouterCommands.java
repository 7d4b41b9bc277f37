package org.olelo.container.internal.rpc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.olelo.api.rpc.RpcCommand;
import org.olelo.api.rpc.RpcException;
import org.olelo.container.internal.router.DefaultApplicationRouter;
import org.olelo.container.internal.router.RoutingError;
import org.olelo.container.internal.router.RoutingTable;

/**
 * {@code router.reload}: reads the routing descriptor now and says what it loaded (methods,
 * tuples, warnings about applications it names that are not deployed) or why not (the file's
 * fault, with line; the previous routing stays in force). Runs on an HTTP worker thread.
 */
public final class RouterCommands {

    private RouterCommands() {
    }

    /**
     * @param router   the default router, or null when a custom one is in use (then the command
     *                 refuses)
     * @param warnings after a load, the names the descriptor gives that no application has
     * @return the command
     */
    public static List<RpcCommand> commands(DefaultApplicationRouter router, Supplier<List<String>> warnings) {
        return List.of(new RpcCommand("router.reload", List.of(),
                "reads the routing descriptor now and says what it loaded or why not", p -> {
                    if (router == null) {
                        throw new RpcException(RpcException.REFUSED, "a custom application router is in use;"
                                + " it is not reloaded through this command");
                    }
                    router.reloadNow();
                    RoutingError error = router.lastError();
                    if (error != null) {
                        throw new RpcException(RpcException.FAILED, error + " (previous routing kept)");
                    }
                    RoutingTable table = router.table();
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("loaded", true);
                    m.put("methods", table.byMethod().keySet().stream().sorted().toList());
                    m.put("tuples", table.byMethod().values().stream().mapToInt(List::size).sum());
                    m.put("warnings", warnings.get());
                    return m;
                }));
    }
}
