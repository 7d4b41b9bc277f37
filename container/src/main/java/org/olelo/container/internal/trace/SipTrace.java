package org.olelo.container.internal.trace;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.olelo.core.SipCore;
import org.olelo.core.tap.MessageTap;
import org.olelo.core.transport.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SIP message trace of a running server: traces start and stop at run time, each following a
 * user or a Call-ID ({@link TraceFilter}); every message that crosses a listening point and matches
 * one of them, in either direction, is written to the trace file and, when a collector is set,
 * sent to it as HEP v3. A user's trace therefore holds all of that user's requests and the
 * responses to them, in and out of dialogs, and no one else's.
 *
 * <p>While no trace is active the tap is not installed in the core (one volatile read per
 * message there). While one is, each message's Call-ID, From and To are read from its raw bytes
 * and looked up in hash tables; only a match copies the message and queues it for the writer
 * thread ({@link TraceWriter}).
 *
 * <p>Threads: {@link #start}, {@link #stop}, {@link #stopAll} and {@link #output} may be called
 * from any thread (configuration watcher, management calls) and are serialised on this object;
 * the tap methods run on transport and sending threads and never block.
 */
public final class SipTrace implements MessageTap, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SipTrace.class);

    private final SipCore core;
    private final TraceWriter writer;
    private final Set<TraceFilter> filters = new LinkedHashSet<>();
    private volatile TraceMatcher matcher;

    /**
     * @param core  the core whose listening points are traced
     * @param file  the trace file
     * @param hep   the Homer collector, or null
     * @param hepId the capture agent id for HEP packets
     */
    public SipTrace(SipCore core, Path file, InetSocketAddress hep, long hepId) {
        this.core = core;
        this.writer = new TraceWriter(new TraceWriter.Target(file, hep, hepId));
    }

    /**
     * Starts tracing the messages that match a filter.
     *
     * @return false when that trace was already active
     */
    public synchronized boolean start(TraceFilter f) {
        if (!filters.add(f)) {
            return false;
        }
        LOG.info("SIP trace of {} started: messages go to {}{}", f, writer.target().file(), hepText());
        install();
        return true;
    }

    /**
     * Stops one trace; messages already queued are still written.
     *
     * @return false when that trace was not active
     */
    public synchronized boolean stop(TraceFilter f) {
        if (!filters.remove(f)) {
            return false;
        }
        LOG.info("SIP trace of {} stopped", f);
        install();
        return true;
    }

    /** Stops every trace. */
    public synchronized void stopAll() {
        for (TraceFilter f : List.copyOf(filters)) {
            stop(f);
        }
    }

    /** @return the active traces, in the order they started */
    public synchronized List<TraceFilter> active() {
        return List.copyOf(filters);
    }

    /**
     * Sets where traced messages go, from the next message on.
     *
     * @param file  the trace file
     * @param hep   the Homer collector (host and port, possibly unresolved), or null for none
     * @param hepId the capture agent id for HEP packets
     */
    public synchronized void output(Path file, InetSocketAddress hep, long hepId) {
        writer.target(new TraceWriter.Target(file, hep, hepId));
    }

    /** @return the trace file messages go to */
    public Path file() {
        return writer.target().file();
    }

    /**
     * Waits until the messages traced so far are written (for tests and for callers that read
     * the file).
     *
     * @param timeoutMillis how long to wait at most
     * @return false on timeout
     * @throws InterruptedException when interrupted while waiting
     */
    public boolean awaitWritten(long timeoutMillis) throws InterruptedException {
        return writer.awaitWritten(timeoutMillis);
    }

    private String hepText() {
        TraceWriter.Target t = writer.target();
        return t.hep() == null ? "" : " and to the HEP collector " + t.hep().getHostString() + ":" + t.hep().getPort()
                + " (capture id " + t.hepId() + ")";
    }

    /** Rebuilds the look-up tables and (un)installs the tap; the monitor is held. */
    private void install() {
        if (filters.isEmpty()) {
            core.setTap(null);
            matcher = null;
        } else {
            matcher = new TraceMatcher(new ArrayList<>(filters));
            core.setTap(this);
        }
    }

    // ------------------------------------------------------------------ the tap

    @Override
    public void received(byte[] data, Transport transport, InetSocketAddress source) {
        capture(true, data, transport, source);
    }

    @Override
    public void sent(byte[] data, Transport transport, InetSocketAddress destination) {
        capture(false, data, transport, destination);
    }

    private void capture(boolean inbound, byte[] data, Transport transport, InetSocketAddress peer) {
        TraceMatcher m = matcher;
        if (m == null) {
            return;
        }
        try {
            TraceFilter f = m.match(MessageKeys.read(data));
            if (f != null) {
                Instant now = Instant.now();
                writer.offer(new TraceRecord(now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000, inbound,
                        transport.name(), localAddress(transport), peer, data.clone(), f));
            }
        } catch (RuntimeException e) {
            LOG.debug("SIP trace: message skipped: {}", e.toString());
        }
    }

    /**
     * The listening point's address as peers see it: a point bound to the wildcard address gives
     * the address it advertises (always an IP literal, which {@code getByName} reads without a
     * look-up).
     */
    static InetSocketAddress localAddress(Transport t) {
        InetSocketAddress bound = t.localAddress();
        if (bound == null || bound.getAddress() == null || !bound.getAddress().isAnyLocalAddress()) {
            return bound;
        }
        String host = t.advertisedHost();
        try {
            return new InetSocketAddress(java.net.InetAddress.getByName(host.startsWith("[")
                    ? host.substring(1, host.length() - 1) : host), t.advertisedPort());
        } catch (java.net.UnknownHostException e) {
            return bound;
        }
    }

    /** Stops every trace and the writer (after it wrote what was queued). */
    @Override
    public void close() {
        synchronized (this) {
            filters.clear();
            install();
        }
        writer.close();
    }
}
