/** Log lines an attacker cannot multiply: at most one per interval, with a count of those held back. */
package org.olelo.core.internal.log;
