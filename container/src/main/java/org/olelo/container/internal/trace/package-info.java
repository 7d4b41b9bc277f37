/**
 * The SIP message trace: every message, in both directions, of the calls and registrations of
 * chosen users or Call-IDs, written to a file and, optionally, sent to a Homer collector as HEP v3
 * over UDP. Traces start and stop while the server runs
 * ({@link org.olelo.container.internal.trace.SipTrace#start}, {@code stop}, {@code active}); the
 * {@code trace.*} configuration keys drive them through
 * {@link org.olelo.container.internal.trace.ConfiguredTrace}.
 *
 * <p>Cost: with no trace active the core does one volatile read per message. With one active,
 * each message's Call-ID, From and To are read from its raw bytes and compared with the filters
 * before anything is copied or formatted; matching messages are queued (bounded; overflow is
 * counted and reported) and written by one background thread.
 */
package org.olelo.container.internal.trace;
