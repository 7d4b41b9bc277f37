/**
 * RFC 5626 flows as JSR 359 {@link jakarta.servlet.sip.Flow}s: the connection or 5-tuple a
 * request came over, named by an opaque token an application can store and turn back into the
 * flow, used to send requests back over it, and reported to the applications'
 * {@link jakarta.servlet.sip.FlowListener}s when its connection ends.
 */
package org.olelo.container.internal.flow;
