/**
 * JSON-RPC 2.0 management commands: the registry of every command, the container's and the
 * applications' ({@link org.olelo.container.internal.rpc.RpcRegistry}, with one
 * {@link org.olelo.container.internal.rpc.AppRpcCommands} per deployed application version), the
 * dispatcher that reads requests and writes replies ({@link org.olelo.container.internal.rpc.JsonRpc}),
 * its HTTP endpoint ({@link org.olelo.container.internal.rpc.RpcHttpHandler}, {@code POST /rpc}),
 * and the container's own commands ({@code system.*}, {@code core.*}, {@code app.*},
 * {@code router.*}, {@code subscriber.*}).
 *
 * <p>JSON is read and written with Jackson's {@code jackson-databind}: it is the common JSON
 * library of the JVM, streams, bounds nothing by itself that we need to bound (the HTTP layer limits
 * bodies to 1 MiB) and turns the plain values and records that handlers return into JSON without
 * code of ours.
 *
 * <p>Threads: commands run on the HTTP listener's worker threads, never on a SIP thread; they may
 * block briefly (a database read, a deployment scan).
 */
package org.olelo.container.internal.rpc;
