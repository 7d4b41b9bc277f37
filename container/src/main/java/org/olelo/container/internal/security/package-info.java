/**
 * Container-managed authentication of SIP requests: HTTP Digest as SIP uses it (RFC 3261 §22,
 * RFC 7616, RFC 8760), enforcing the security constraints of applications (sip.xml
 * {@code <security-constraint>} and {@code <login-config>}, or {@code @SipSecurity} on servlet
 * classes).
 *
 * <p>{@link org.olelo.container.internal.security.DigestAuthenticator} is the entry point: the
 * container calls it for each initial request right before the chosen servlet runs, on the
 * application session's executor. Credentials come from the {@code subscriber} table (HA1 per
 * algorithm, realm = domain). Nonces are stateless HMAC tokens with a lifetime, bound to the source
 * address they were issued to and checked before any password; nonce counts are
 * remembered in a bounded map to refuse replays. Repeated failures block a user at one address, or
 * an address across users, for a while, and slow down the failing attempts of a user from anywhere
 * without ever locking the user out ({@link org.olelo.container.internal.security.FailureGuard}).
 * An authenticated request carries a
 * {@link org.olelo.container.internal.security.SubscriberPrincipal} and the subscriber's roles.
 */
package org.olelo.container.internal.security;
