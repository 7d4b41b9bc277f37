/**
 * {@code TimerService} and {@code ServletTimer}: application timers, one-shot or repeating at a
 * fixed delay or a fixed rate. The container's timer thread only queues each expiration on the
 * application session's serial executor, where the {@code TimerListener}s run; a timer ends with
 * its application session, and keeps it from being invalidated as ready while it is active.
 */
package org.olelo.container.internal.timer;
