/**
 * The core's stream listening point offered to transport plug-ins: connection table, caps,
 * timeouts, framing and keep-alives, over a socket layer the plug-in supplies.
 */
package org.olelo.core.stream;
