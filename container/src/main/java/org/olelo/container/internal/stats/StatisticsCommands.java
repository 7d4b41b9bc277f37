package org.olelo.container.internal.stats;

import java.util.List;
import java.util.Map;
import org.olelo.api.rpc.RpcCommand;
import org.olelo.api.rpc.RpcException;
import org.olelo.api.rpc.RpcParams;

/**
 * The management commands of the statistics:
 * <ul>
 * <li>{@code stats.get_statistics [name]} gives {@code {"statistics": {"sip.requests_received{method=INVITE}": 12, ...}}};</li>
 * <li>{@code stats.reset_statistics [name]} starts the counters and timers named from 0 again (in
 *     this view only: {@code /metrics} keeps its totals, see {@link StatisticsRegistry}) and gives
 *     {@code {"reset": <how many statistics matched>}}.</li>
 * </ul>
 * {@code name} is {@code all} (the default), a group ({@code sip}) or one {@code group.name}; a
 * malformed one is refused with {@link RpcException#INVALID_PARAMS}, one that names nothing with
 * {@link RpcException#NOT_FOUND}. Handlers run on the management interface's thread and do not block.
 */
public final class StatisticsCommands {

    private final StatisticsRegistry registry;

    /** @param registry the server's statistics */
    public StatisticsCommands(StatisticsRegistry registry) {
        this.registry = registry;
    }

    /** The two commands, for the command registry. */
    public List<RpcCommand> commands() {
        return List.of(
                new RpcCommand("stats.get_statistics", List.of("name"),
                        "statistics by name: all (default), a group (sip) or group.name; counters since their last reset",
                        this::get),
                new RpcCommand("stats.reset_statistics", List.of("name"),
                        "starts counters from 0 again: all (default), a group or group.name; /metrics keeps its totals",
                        this::reset));
    }

    private Object get(RpcParams params) throws RpcException {
        String name = selector(params);
        Map<String, Long> found;
        try {
            found = registry.snapshot(name);
        } catch (IllegalArgumentException e) {
            throw invalid(e);
        }
        if (found.isEmpty() && !isAll(name)) {
            throw notFound(name);
        }
        return Map.of("statistics", found);
    }

    private Object reset(RpcParams params) throws RpcException {
        String name = selector(params);
        int n;
        try {
            n = registry.reset(name);
        } catch (IllegalArgumentException e) {
            throw invalid(e);
        }
        if (n == 0 && !isAll(name)) {
            throw notFound(name);
        }
        return Map.of("reset", n);
    }

    private static String selector(RpcParams params) throws RpcException {
        String name = params.optionalText("name").orElse("all").trim();
        return name.isEmpty() ? "all" : name;
    }

    private static boolean isAll(String name) {
        return name.equals("all");
    }

    private static RpcException invalid(IllegalArgumentException e) {
        return new RpcException(RpcException.INVALID_PARAMS, "parameter 'name': " + e.getMessage());
    }

    private static RpcException notFound(String name) {
        return new RpcException(RpcException.NOT_FOUND, "no statistics named " + name);
    }
}
