/**
 * Tasks of applications (JSR 359 with Jakarta Concurrency): each application gets one
 * {@link org.olelo.container.internal.task.AppTaskExecutor}, a {@code ManagedScheduledExecutorService}
 * that is also its {@code ManagedExecutorService}, injectable with {@code @Inject} or
 * {@code @Resource} and published as a context attribute under the interface's name.
 *
 * <p>A task belongs to an application session: the one its {@code ManagedTask} execution
 * properties name ({@code SipServlet.SIP_APPLICATIONSESSION_ID}, or
 * {@code SipServlet.SIP_APPLICATIONSESSION_KEY} with {@code SIP_APPLICATIONSESSION_CREATE}),
 * else the one whose work submitted it. It runs on that session's serial executor, so it never
 * races the servlets, listeners and timers of the session; until it finishes it is listed by
 * {@code getTaskFutures()} and keeps the session from being invalidated as ready, and
 * invalidation cancels it. A task submitted outside any session's work runs on a virtual thread
 * of its own, with the application's class loader.
 *
 * <p>Threads: submission from any thread; delays on the container's timer thread, which only
 * queues the task; execution as said above. Nothing here blocks except {@code Future.get}, which
 * refuses to wait on the executor of the session the awaited task runs on.
 */
package org.olelo.container.internal.task;
