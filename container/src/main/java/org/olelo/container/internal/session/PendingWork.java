package org.olelo.container.internal.session;

import jakarta.servlet.sip.ServletTimer;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The pending work of one {@link SipApplicationSessionImpl}: its active {@link ServletTimer}s by
 * id, its unfinished {@code ManagedExecutorService} tasks by identifier, and the count of initial
 * requests on their way to joining it. While any is pending the session is not ready to
 * invalidate; its invalidation cancels the timers and tasks.
 *
 * <p>Thread-safe: timers and tasks are added and removed on the timer service's and the
 * executors' threads, and read on any thread.
 */
final class PendingWork {

    private final ConcurrentHashMap<String, ServletTimer> timers = new ConcurrentHashMap<>(2);
    private final ConcurrentHashMap<String, Future<?>> tasks = new ConcurrentHashMap<>(2);
    private final AtomicInteger joining = new AtomicInteger();

    void addTimer(ServletTimer t) {
        timers.put(t.getId(), t);
    }

    /** @return whether the timer was active */
    boolean removeTimer(ServletTimer t) {
        return timers.remove(t.getId()) != null;
    }

    int timerCount() {
        return timers.size();
    }

    /** @return the active timers (a snapshot) */
    List<ServletTimer> timers() {
        return List.copyOf(timers.values());
    }

    ServletTimer timer(String id) {
        return timers.get(id);
    }

    /** @return false when another unfinished task has that identifier */
    boolean addTask(String taskId, Future<?> f) {
        return tasks.putIfAbsent(taskId, f) == null;
    }

    /** @return whether that task was registered under that identifier */
    boolean removeTask(String taskId, Future<?> f) {
        return tasks.remove(taskId, f);
    }

    /** @return the unfinished tasks (a snapshot) */
    List<Future<?>> tasks() {
        return List.copyOf(tasks.values());
    }

    Future<?> task(String id) {
        return tasks.get(id);
    }

    /** An initial request is on its way to joining the session. */
    void joining() {
        joining.incrementAndGet();
    }

    /** @return true when the request that joined (or gave up) was the last one on its way */
    boolean joined() {
        return joining.decrementAndGet() == 0;
    }

    /** @return whether no timer is active, no task unfinished and no request joining */
    boolean isEmpty() {
        return timers.isEmpty() && tasks.isEmpty() && joining.get() == 0;
    }

    /** Cancels every timer, then every task (without interrupting it). */
    void cancelAll() {
        for (ServletTimer t : timers()) {
            t.cancel();
        }
        for (Future<?> f : tasks()) {
            f.cancel(false);
        }
    }
}
