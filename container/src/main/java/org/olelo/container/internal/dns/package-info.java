/**
 * The SIP Servlet API's {@link jakarta.servlet.sip.DnsResolver} for applications, on the core's
 * RFC 3263 locator ({@link org.olelo.core.spi.SipServerLocator}): ENUM for telephone numbers,
 * raw records, and whether a URI leads back to this server.
 */
package org.olelo.container.internal.dns;
