/**
 * {@code SipApplicationSession} and {@code SipSession}: state, attributes, expiry, invalidation,
 * and the in-memory session table. Every session lives behind {@link org.olelo.container.internal.session.SessionManager},
 * the seam where a replicated store can come later.
 *
 * <p>Threads: all application code of one application session (servlets, listeners, timers)
 * runs on that session's serial executor, which is how both JSR 359 concurrency modes are met.
 * The container's own follow-up work (readiness checks, expiry) is queued on the same executor
 * behind the work running now, so an application never sees its session invalidated in the
 * middle of a call it did not make itself. {@link org.olelo.container.internal.session.SessionJoiner}
 * picks the session of an initial request (encoded URI, {@code @SipApplicationKey}).
 *
 * <p>Attribute changes of both session kinds make their callbacks through
 * {@link org.olelo.container.internal.session.AttributeMap}, in one order. Sessions are never
 * passivated or migrated, so activation listeners are never called.
 */
package org.olelo.container.internal.session;
