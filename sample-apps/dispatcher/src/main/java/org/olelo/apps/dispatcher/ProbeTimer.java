package org.olelo.apps.dispatcher;

import jakarta.servlet.sip.ServletTimer;
import jakarta.servlet.sip.TimerListener;

/**
 * Delivers the probing timer to its {@link Prober} (the timer's info). Declared as a listener in
 * sip.xml; runs on the probing application session's queue.
 */
public class ProbeTimer implements TimerListener {

    @Override
    public void timeout(ServletTimer timer) {
        if (timer.getInfo() instanceof Prober prober) {
            prober.tick();
        }
    }
}
