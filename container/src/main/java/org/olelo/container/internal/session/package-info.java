/**
 * {@code SipApplicationSession} and {@code SipSession}: state, attributes, expiry, invalidation,
 * and the in-memory session table. Every session lives behind {@link org.olelo.container.internal.session.SessionManager},
 * the seam where a replicated store can come later.
 */
package org.olelo.container.internal.session;
