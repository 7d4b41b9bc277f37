package org.olelo.apps.media.ng;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One rtpengine instance: its control address, its weight among the instances, and whether it is
 * disabled (it did not answer; it gets no new calls until {@link #disabledUntil()} passes, then it
 * is tried again). Calls already on it stay on it. Thread-safe; reads and marks are lock-free.
 */
public final class NgInstance {

    private final InetSocketAddress address;
    private final int weight;
    private final String name;
    private final AtomicLong disabledUntil = new AtomicLong();
    private final AtomicLong sessions = new AtomicLong();

    /**
     * @param address the ng control address
     * @param weight  the share of new calls relative to the others; 0 for a spare that gets calls
     *                only when the weighted instances fail
     */
    public NgInstance(InetSocketAddress address, int weight) {
        if (weight < 0) {
            throw new IllegalArgumentException("weight must not be negative");
        }
        this.address = address;
        this.weight = weight;
        this.name = NgClient.describe(address);
    }

    /** The control address. */
    public InetSocketAddress address() {
        return address;
    }

    /** The weight as configured. */
    public int weight() {
        return weight;
    }

    /** {@code udp:HOST:PORT}: the instance's name in commands, statistics and session state. */
    public String name() {
        return name;
    }

    /** Epoch milliseconds until which the instance gets no new calls; 0 when enabled. */
    public long disabledUntil() {
        return disabledUntil.get();
    }

    /** Whether it takes new calls at {@code now} (epoch milliseconds). */
    public boolean enabled(long now) {
        long until = disabledUntil.get();
        return until == 0 || until <= now;
    }

    /** Disables it until {@code until} (epoch milliseconds). */
    public void disable(long until) {
        disabledUntil.set(Math.max(1, until));
    }

    /** Enables it again (it answered). */
    public void enable() {
        disabledUntil.set(0);
    }

    /** The media sessions this server opened on it and has not deleted. */
    public long sessions() {
        return sessions.get();
    }

    /** Counts a session opened ({@code +1}) or deleted ({@code -1}). */
    public void sessionsAdd(int delta) {
        sessions.addAndGet(delta);
    }

    @Override
    public String toString() {
        return name + ";weight=" + weight;
    }
}
