package org.olelo.api.rpc;

import java.util.List;
import java.util.Objects;

/**
 * One management command: a JSON-RPC method.
 *
 * @param name    the method name, {@code group.name} in lower case by convention
 *                ({@code lcr.reload}, {@code ul.lookup})
 * @param params  the parameter names in their positional order: a call may give the parameters
 *                by name (a JSON object) or by position (a JSON array, as {@code olelo ctl} does)
 * @param help    one line saying what the command does, shown by {@code system.methodHelp}
 * @param handler what runs the command
 */
public record RpcCommand(String name, List<String> params, String help, RpcHandler handler) {

    /** Checks that every part is present and copies the parameter list. */
    public RpcCommand {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(help, "help");
        Objects.requireNonNull(handler, "handler");
        params = List.copyOf(params);
    }
}
