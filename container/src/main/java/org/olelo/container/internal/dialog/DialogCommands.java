package org.olelo.container.internal.dialog;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.olelo.api.rpc.RpcCommand;
import org.olelo.api.rpc.RpcException;
import org.olelo.api.rpc.RpcParams;

/**
 * The management commands of the dialog table: {@code dlg.list}, {@code dlg.get <id>},
 * {@code dlg.end <id>} and {@code dlg.stats}, with the result shapes of the JSON-RPC interface.
 * The handlers run on the thread of the management request; they read the table and queue a
 * hang-up, nothing more.
 */
public final class DialogCommands {

    private final DialogTracker dialogs;
    private final Clock clock;

    /**
     * @param dialogs the dialog table
     * @param clock   the clock durations are measured with
     */
    public DialogCommands(DialogTracker dialogs, Clock clock) {
        this.dialogs = dialogs;
        this.clock = clock;
    }

    /** The four commands, to register with the JSON-RPC server. */
    public List<RpcCommand> commands() {
        return List.of(
                new RpcCommand("dlg.list", List.of(), "lists the calls in progress (early and confirmed dialogs)",
                        p -> list()),
                new RpcCommand("dlg.get", List.of("id"), "shows one call of dlg.list by its id", this::get),
                new RpcCommand("dlg.end", List.of("id"), "ends a call: BYE to both parties (CANCEL while it rings)",
                        this::end),
                new RpcCommand("dlg.stats", List.of(), "counts the calls in progress and those ended since the start",
                        p -> stats()));
    }

    private Map<String, Object> list() {
        Instant now = clock.instant();
        List<Map<String, Object>> out = new ArrayList<>();
        for (TrackedDialog d : dialogs.list()) {
            out.add(d.toMap(now));
        }
        return Map.of("dialogs", out);
    }

    private Map<String, Object> get(RpcParams p) throws RpcException {
        return find(p).toMap(clock.instant());
    }

    private Map<String, Object> end(RpcParams p) throws RpcException {
        TrackedDialog d = find(p);
        if (!dialogs.end(d.id())) {
            throw notFound(d.id());
        }
        return Map.of("ended", d.id());
    }

    private Map<String, Object> stats() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("active", dialogs.active());
        m.put("early", dialogs.early());
        m.put("confirmed", dialogs.confirmed());
        m.put("ended", dialogs.ended());
        return m;
    }

    private TrackedDialog find(RpcParams p) throws RpcException {
        String id = p.text("id");
        TrackedDialog d = dialogs.get(id);
        if (d == null) {
            throw notFound(id);
        }
        return d;
    }

    private static RpcException notFound(String id) {
        String shown = id.length() > 64 ? id.substring(0, 64) + "..." : id;
        return new RpcException(RpcException.NOT_FOUND, "no call with id " + shown);
    }
}
