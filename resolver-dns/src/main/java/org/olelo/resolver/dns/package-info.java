/**
 * RFC 3263 server location on dnsjava: NAPTR, SRV and A/AAAA look-ups turned into ordered
 * (transport, address, port) targets, ENUM (RFC 6116) rewrites, and a bounded cache that keeps
 * each answer for its records' TTL. The server finds it through
 * {@link org.olelo.core.spi.SipServerLocatorFactory} ({@link org.olelo.resolver.dns.DnsLocatorFactory});
 * it reads the {@code dns.} settings ({@link org.olelo.resolver.dns.DnsSettings}).
 *
 * <p>Every look-up here blocks its caller for at most the configured timeouts and retries, so
 * none is ever made on a transport reader thread: the core calls in on its look-up virtual
 * threads, applications on their own threads.
 */
package org.olelo.resolver.dns;
