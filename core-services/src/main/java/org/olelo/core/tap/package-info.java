/**
 * The core's message tap: one optional observer of every message the listening points read or
 * send, for diagnostic traces. With no tap installed the only cost per message is one volatile read.
 */
package org.olelo.core.tap;
