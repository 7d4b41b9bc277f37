/**
 * Copies of the sessions of distributable applications for other nodes: a
 * {@link org.olelo.container.internal.replica.SessionSnapshot} of an application session (its
 * attributes serialised, its SIP sessions with their dialog state, its pending timers), taken by
 * {@link org.olelo.container.internal.replica.Replicator} at the end of each invocation that
 * touched the session and handed to a {@link org.olelo.container.internal.replica.SessionReplication}
 * (the cluster's), removed there when the session is invalidated; and the byte form the copies
 * travel in ({@link org.olelo.container.internal.replica.SnapshotCodec}).
 */
package org.olelo.container.internal.replica;
