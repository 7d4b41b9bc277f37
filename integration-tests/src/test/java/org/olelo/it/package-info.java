/**
 * Interop tests: real SIP user agents (sipp, with the scenarios in {@code src/test/resources/sipp/})
 * talk to a running Olelo that has the sample applications deployed. Every process binds
 * 127.0.0.1 on ports picked free ({@link org.olelo.it.FreePorts}), and every run is bounded.
 * The lifecycles are JUnit extensions registered with {@code @RegisterExtension}:
 * {@link org.olelo.it.OleloExtension} ({@code olelo.jar} processes), {@link org.olelo.it.SippRunner}
 * (sipp runs of one test) and {@link org.olelo.it.ServerFixture} (a server in the test's JVM).
 */
package org.olelo.it;
