package jakarta.servlet.sip;

import java.util.EventListener;

/**
 * Application listener called when a {@link ServletTimer} fires. An application that uses the
 * {@link TimerService} must declare exactly one timer listener.
 */
public interface TimerListener extends EventListener {

    /**
     * Called each time a timer expires.
     *
     * @param timer the timer that expired
     */
    void timeout(ServletTimer timer);
}
