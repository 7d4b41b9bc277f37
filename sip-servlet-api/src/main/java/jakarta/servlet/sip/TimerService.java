package jakarta.servlet.sip;

import java.io.Serializable;

/**
 * Creates {@link ServletTimer}s bound to application sessions; their expirations are delivered to
 * the application's {@link TimerListener}. Available as the servlet context attribute
 * {@link SipServlet#TIMER_SERVICE} and from {@link SipServletContext#getTimerService()}.
 */
public interface TimerService {

    /**
     * Creates a timer that fires once.
     *
     * @param appSession the application session the timer belongs to
     * @param delay the delay, in milliseconds, before the timer fires
     * @param isPersistent whether the timer should survive a container restart or failover
     * @param info an application object returned by {@link ServletTimer#getInfo()}, or {@code null}
     * @return the new timer
     * @throws IllegalStateException if {@code appSession} is invalid or the application has no {@link TimerListener}
     */
    ServletTimer createTimer(SipApplicationSession appSession, long delay, boolean isPersistent,
            Serializable info);

    /**
     * Creates a repeating timer.
     *
     * @param appSession the application session the timer belongs to
     * @param delay the delay, in milliseconds, before the first expiration
     * @param period the time, in milliseconds, between expirations
     * @param fixedDelay {@code true} to measure each period from the actual previous execution
     *        (fixed delay), {@code false} to schedule relative to the first execution (fixed rate)
     * @param isPersistent whether the timer should survive a container restart or failover
     * @param info an application object returned by {@link ServletTimer#getInfo()}, or {@code null}
     * @return the new timer
     * @throws IllegalStateException if {@code appSession} is invalid or the application has no {@link TimerListener}
     */
    ServletTimer createTimer(SipApplicationSession appSession, long delay, long period, boolean fixedDelay,
            boolean isPersistent, Serializable info);
}
