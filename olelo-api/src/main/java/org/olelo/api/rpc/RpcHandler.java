package org.olelo.api.rpc;

/** The body of a management command. */
@FunctionalInterface
public interface RpcHandler {

    /**
     * Runs the command.
     *
     * @param params the call's parameters
     * @return a plain value that maps to JSON (see the package description), or {@code null}
     * @throws RpcException for a failure the caller should read: missing or bad parameters, an
     *                      unknown name, a refused action
     */
    Object call(RpcParams params) throws RpcException;
}
