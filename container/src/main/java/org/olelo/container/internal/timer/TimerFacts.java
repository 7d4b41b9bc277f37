package org.olelo.container.internal.timer;

import jakarta.servlet.sip.ServletTimer;
import java.io.Serializable;

/**
 * What another node needs to go on with an application timer: its id, its information, when it
 * fires next (epoch milliseconds), its period (0 for a one-shot timer), whether it repeats at a
 * fixed rate, and whether the application asked for it to be persistent.
 *
 * @param id        the timer's id
 * @param info      the application's information, or null
 * @param nextFire  when it fires next, epoch milliseconds
 * @param period    milliseconds between expirations; 0 for one expiration
 * @param fixedRate true for a fixed rate, false for a fixed delay
 * @param persistent what the application passed as {@code isPersistent}
 */
public record TimerFacts(String id, Serializable info, long nextFire, long period, boolean fixedRate,
                         boolean persistent) {

    /** @return the facts of a timer of this container, or null for another implementation */
    public static TimerFacts of(ServletTimer t) {
        return t instanceof ServletTimerImpl impl ? impl.facts() : null;
    }
}
