/**
 * Management commands (JSON-RPC 2.0 methods) contributed by applications.
 *
 * <pre>{@code
 * RpcCommands rpc = (RpcCommands) ctx.getAttribute(RpcCommands.ATTRIBUTE);
 * rpc.register(new RpcCommand("lcr.reload", List.of(), "reloads gateways and rules from the database",
 *         params -> Map.of("gateways", reload())));
 * rpc.register(new RpcCommand("ul.lookup", List.of("aor"), "the contacts of one address of record",
 *         params -> lookup(params.text("aor"))));
 * }</pre>
 *
 * A handler's result is a plain value that maps to JSON: {@code null}, {@code String},
 * {@code Number}, {@code Boolean}, {@code Map} with string keys, {@code List}, arrays, or Java
 * records made of these. A handler runs on a thread of the management interface, never on a SIP
 * reader thread, and may block briefly (a database read); it reports a failure a person can act
 * on by throwing {@link org.olelo.api.rpc.RpcException}.
 */
package org.olelo.api.rpc;
