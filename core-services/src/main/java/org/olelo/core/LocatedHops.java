package org.olelo.core;

import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import javax.sip.address.SipURI;
import org.olelo.core.routing.Hop;
import org.olelo.core.spi.SipServerLocator;
import org.olelo.core.spi.SipServerLocator.Target;
import org.olelo.core.transport.Transport;

/**
 * The next hops of a SIP URI whose host is a name, through the installed {@link SipServerLocator}
 * (RFC 3263 §4): every target it gives that a listening point can send to, in its order, so that
 * the layer above can fail over from one to the next.
 *
 * <p>Threads: {@link #hops(SipURI, String, String)} blocks for the locator's look-ups (threads that
 * may block only); {@link #hops(SipURI, String, String, Consumer, Consumer)} never blocks: it runs
 * the look-up on a virtual thread of its own, at most {@value #MAX_CONCURRENT} at once (more fail
 * at once, as {@link org.olelo.core.internal.resolve.HostLookups} does), and calls back there.
 */
final class LocatedHops {

    /** Look-ups in progress at most for the callers that may not block. */
    static final int MAX_CONCURRENT = 32;

    private final SipServerLocator locator;
    private final NextHops hops;
    private final List<Transport> transports;
    private final Semaphore slots = new Semaphore(MAX_CONCURRENT);

    LocatedHops(SipServerLocator locator, NextHops hops, List<Transport> transports) {
        this.locator = locator;
        this.hops = hops;
        this.transports = transports;
    }

    SipServerLocator locator() {
        return locator;
    }

    /**
     * The hops for the URI, best first; never empty.
     *
     * @param host             the host or maddr of the URI, without brackets
     * @param defaultTransport the transport the request came in on, or null
     * @throws UnknownHostException when the locator finds nothing, or nothing this server can send to
     */
    List<Hop> hops(SipURI uri, String host, String defaultTransport) throws UnknownHostException {
        Set<String> have = new HashSet<>();
        for (Transport t : transports) {
            have.add(t.name().toUpperCase(Locale.ROOT));
        }
        String tp = uri.getTransportParam();
        SipServerLocator.Query q = new SipServerLocator.Query(uri.isSecure(), host, uri.getPort() > 0 ? uri.getPort() : -1,
                tp == null ? null : tp.toUpperCase(Locale.ROOT), have,
                defaultTransport == null ? null : defaultTransport.toUpperCase(Locale.ROOT));
        List<Hop> out = new ArrayList<>();
        for (Target t : locator.locate(q)) {
            Transport via = hops.transport(t.transport(), t.address());
            if (via != null) {
                out.add(new Hop(via, new java.net.InetSocketAddress(t.address(), t.port())));
            }
        }
        if (out.isEmpty()) {
            throw new UnknownHostException(host + ": no listening point for the transports of its SIP servers");
        }
        return out;
    }

    /** Like {@link #hops(SipURI, String, String)} without blocking; {@code then} gets the first hop. */
    void hops(SipURI uri, String host, String defaultTransport, Consumer<Hop> then, Consumer<UnknownHostException> failed) {
        if (!slots.tryAcquire()) {
            failed.accept(new UnknownHostException(host + ": too many look-ups in progress"));
            return;
        }
        Thread.ofVirtual().name("sip-locate").start(() -> {
            List<Hop> found;
            try {
                found = hops(uri, host, defaultTransport);
            } catch (UnknownHostException e) {
                slots.release();
                failed.accept(e);
                return;
            } catch (RuntimeException e) {
                slots.release();
                failed.accept(new UnknownHostException(host + ": look-up failed"));
                return;
            }
            slots.release();
            then.accept(found.get(0));
        });
    }
}
