/**
 * What the container tells the operator about traffic: the call log, one line per initial request
 * with its outcome ({@link org.olelo.container.internal.log.CallLog}, logger {@code olelo.calls}),
 * and the text helpers that keep such lines greppable, bounded and free of secrets.
 *
 * <p>Nothing here blocks or runs per retransmission: a call record is made once per initial
 * request on the transport reader thread and written once, when the request's first final
 * response leaves the server.
 */
package org.olelo.container.internal.log;
