package jakarta.servlet.sip;

import java.io.Serializable;

/**
 * A timer created with the {@link TimerService}. When it fires, the container calls the
 * application's {@link TimerListener}. A timer belongs to a {@link SipApplicationSession} and is
 * cancelled when that session is invalidated.
 */
public interface ServletTimer {

    /**
     * Returns the identifier of this timer, unique within its application session; see
     * {@link SipApplicationSession#getTimer(String)}.
     *
     * @return the timer identifier
     * @since 1.1
     */
    String getId();

    /**
     * Returns the application session this timer belongs to.
     *
     * @return the application session
     */
    SipApplicationSession getApplicationSession();

    /**
     * Returns the information object given when the timer was created.
     *
     * @return the information object, possibly {@code null}
     */
    Serializable getInfo();

    /**
     * Returns the time at which the most recent execution of this timer was scheduled to happen,
     * in milliseconds since the epoch; for a repeating timer called from the listener, this is
     * the scheduled time of the current execution.
     *
     * @return the scheduled execution time in milliseconds
     */
    long scheduledExecutionTime();

    /**
     * Cancels this timer; a one-shot timer that has not fired will not fire, a repeating timer
     * will not fire again. Does nothing if the timer is already cancelled or expired.
     */
    void cancel();

    /**
     * Returns the time left before the next scheduled expiration of this timer.
     *
     * @return the remaining time in milliseconds; zero or negative if it is due or past
     * @since 1.1
     */
    long getTimeRemaining();
}
