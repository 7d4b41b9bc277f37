package org.olelo.container.internal.rpc;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.olelo.api.rpc.RpcCommand;

/**
 * {@code core.version}, {@code core.uptime} and {@code core.shutdown}. Stateless apart from the
 * start time it is given.
 */
public final class CoreCommands {

    private CoreCommands() {
    }

    /**
     * @param started  when the server started
     * @param shutdown starts a graceful shutdown and says what it does (see
     *                 {@link org.olelo.container.internal.shutdown.GracefulShutdown#begin})
     * @return the three commands
     */
    public static List<RpcCommand> commands(Instant started, Supplier<Map<String, Object>> shutdown) {
        return List.of(
                new RpcCommand("core.version", List.of(), "the version of Olelo and of the Java runtime",
                        p -> {
                            Map<String, Object> m = new LinkedHashMap<>();
                            m.put("version", version());
                            m.put("java", Runtime.version().toString());
                            return m;
                        }),
                new RpcCommand("core.uptime", List.of(), "when the server started and for how long it has run",
                        p -> {
                            Map<String, Object> m = new LinkedHashMap<>();
                            m.put("started", started.toString());
                            m.put("uptime_seconds", Math.max(0, Instant.now().getEpochSecond() - started.getEpochSecond()));
                            return m;
                        }),
                new RpcCommand("core.shutdown", List.of(), "stops the server gracefully: new initial requests get"
                        + " 503, transactions in progress finish (at most shutdown.drain.seconds), then it stops",
                        p -> shutdown.get()));
    }

    /** @return the version in the jar's manifest, or {@code development} when run from classes */
    static String version() {
        String v = CoreCommands.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }
}
