package org.olelo.apps.dispatcher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.olelo.api.rpc.RpcCommand;
import org.olelo.api.rpc.RpcException;

/**
 * The management commands of the application (Kamailio's {@code dispatcher.list},
 * {@code dispatcher.set_state}, {@code dispatcher.reload}):
 * <ul>
 *   <li>{@code dispatcher.list}: {@code {"set": 1, "algorithm": 4, "sets": [{"setid": 1,
 *       "destinations": [{"uri", "state", "held", "flags", "priority", "attrs", "description",
 *       "weight", "load", "maxload", "calls", "probes_failed"}]}]}};</li>
 *   <li>{@code dispatcher.set_state <state> <destination>}: forces {@code active}, {@code inactive}
 *       (held until set otherwise) or {@code probing} on the destination with that URI in every
 *       set; {@code {"destination": "...", "state": "...", "changed": n}};</li>
 *   <li>{@code dispatcher.reload}: reads the file or table again; {@code {"destinations": n}}; on
 *       failure the current sets stay and the error says why.</li>
 * </ul>
 * Handlers run on the management interface's threads; reload blocks on the file or database.
 */
public final class DispatcherCommands {

    private final Dispatcher dispatcher;
    private final Consumer<String> log;

    DispatcherCommands(Dispatcher dispatcher, Consumer<String> log) {
        this.dispatcher = dispatcher;
        this.log = log;
    }

    /** The three commands. */
    public List<RpcCommand> commands() {
        return List.of(
                new RpcCommand("dispatcher.list", List.of(), "the destination sets with state and load of each destination",
                        p -> list()),
                new RpcCommand("dispatcher.set_state", List.of("state", "destination"),
                        "sets a destination active, inactive or probing", p -> setState(p.text("state"), p.text("destination"))),
                new RpcCommand("dispatcher.reload", List.of(), "reads the destinations again from the file or table",
                        p -> reload()));
    }

    Map<String, Object> list() {
        List<Object> sets = new ArrayList<>();
        for (DestinationSet s : dispatcher.sets()) {
            List<Object> members = new ArrayList<>();
            for (LiveDestination d : s.members) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("uri", d.config.uri());
                m.put("state", d.state().text());
                m.put("held", d.held());
                m.put("flags", d.config.flags());
                m.put("priority", d.config.priority());
                m.put("attrs", d.config.attrs());
                m.put("description", d.config.description());
                m.put("weight", d.config.weight());
                m.put("load", d.load.get());
                m.put("maxload", d.config.maxLoad());
                m.put("calls", d.meters.calls().count());
                m.put("probes_failed", d.meters.probesFailed().count());
                members.add(m);
            }
            Map<String, Object> set = new LinkedHashMap<>();
            set.put("setid", s.id);
            set.put("destinations", members);
            sets.add(set);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("set", dispatcher.config().setId());
        out.put("algorithm", dispatcher.config().algorithm().number());
        out.put("sets", sets);
        return out;
    }

    Map<String, Object> setState(String stateText, String uri) throws RpcException {
        DestinationState state;
        try {
            state = DestinationState.parse(stateText);
        } catch (IllegalArgumentException e) {
            throw new RpcException(RpcException.INVALID_PARAMS, e.getMessage());
        }
        List<LiveDestination> found = dispatcher.find(uri);
        if (found.isEmpty()) {
            throw new RpcException(RpcException.NOT_FOUND, "no destination " + uri);
        }
        for (LiveDestination d : found) {
            DestinationState before = d.state();
            d.forced(state);
            log.accept("dispatcher: destination " + d.config.uri() + " (set " + d.config.setId() + ") set "
                    + state.text() + " by an operator (was " + before.text() + ")");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("destination", uri);
        out.put("state", state.text());
        out.put("changed", found.size());
        return out;
    }

    Map<String, Object> reload() throws RpcException {
        try {
            int n = dispatcher.reload();
            log.accept("dispatcher: reloaded " + n + " destination(s) from " + dispatcher.sourceName());
            return Map.of("destinations", n);
        } catch (Exception e) {
            throw new RpcException(RpcException.FAILED, "reload failed, the current destinations stay: " + e.getMessage());
        }
    }
}
