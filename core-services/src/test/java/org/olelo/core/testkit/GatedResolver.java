package org.olelo.core.testkit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.olelo.core.spi.Resolver;

/**
 * A resolver for tests of what waits for a look-up: every name is 127.0.0.1, except that a name
 * ending in {@code .slow} answers only once {@link #release()} is called (or after 10 s), and
 * {@code nowhere.example} has no address. It records each name it is asked for, with the thread.
 */
public final class GatedResolver implements Resolver {

    private final Queue<String> asked = new ConcurrentLinkedQueue<>();
    private final CountDownLatch gate = new CountDownLatch(1);

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        asked.add(host + " on " + Thread.currentThread());
        if (host.endsWith(".slow")) {
            try {
                gate.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (host.equals("nowhere.example")) {
            throw new UnknownHostException("nowhere.example: no such name");
        }
        return new InetAddress[] {InetAddress.getLoopbackAddress()};
    }

    /** Lets the look-ups of {@code .slow} names answer. */
    public void release() {
        gate.countDown();
    }

    /** What was asked so far, each as {@code "<host> on <thread>"}. */
    public List<String> asked() {
        return List.copyOf(asked);
    }

    /**
     * Waits up to 5 s for the look-up of a name to start.
     *
     * @return the record of it, {@code "<host> on <thread>"}, or null when none started
     */
    public String awaitLookup(String host) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (String a : asked) {
                if (a.startsWith(host + " on ")) {
                    return a;
                }
            }
            Thread.sleep(5);
        }
        return null;
    }
}
