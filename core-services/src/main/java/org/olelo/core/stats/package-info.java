/** Statistics counters of the SIP core. */
package org.olelo.core.stats;
