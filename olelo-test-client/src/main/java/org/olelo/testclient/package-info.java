/**
 * A SIP user agent for tests of SIP applications: {@link org.olelo.testclient.SipTestClient}
 * registers with digest authentication, places and answers calls, sends MESSAGE, SUBSCRIBE and
 * PUBLISH, and fails every wait that times out with what it received instead. Plain JDK sockets on
 * 127.0.0.1; no dependency on the container.
 */
package org.olelo.testclient;
