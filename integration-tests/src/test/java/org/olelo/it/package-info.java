/**
 * Interop tests: real SIP user agents (sipp, with the scenarios in {@code src/test/resources/sipp/})
 * talk to a running Olelo that has the sample applications deployed. Every process binds
 * 127.0.0.1 on ports picked free ({@link org.olelo.it.FreePorts}), and every run is bounded.
 */
package org.olelo.it;
