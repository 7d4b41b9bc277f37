package org.olelo.container.internal.log;

import gov.nist.javax.sip.header.SIPHeader;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import java.util.Locale;
import org.olelo.core.transaction.FinalResponseObserver;
import org.olelo.core.transaction.ServerTransaction;
import org.slf4j.Logger;

/**
 * What the call log knows of one initial request until its first final response: when it arrived,
 * the applications it went through, and a reason when the container knows why it failed. Written
 * as one line when the transaction that received it from the network sends its first final
 * response; transactions of the internal hops share the record and write nothing.
 *
 * <p>Threads: made on a transport reader thread; applications are added on reader threads,
 * details on application threads; the line is written on the thread that sends the final response.
 * The small mutable state is guarded by the record's monitor.
 */
public final class CallRecord implements FinalResponseObserver {

    private final Logger log;
    private final ServerTransaction origin;
    private final SIPRequest request;
    private final boolean internal;
    private final long start = System.nanoTime();
    private String apps;
    private String detail;

    CallRecord(Logger log, ServerTransaction origin, SIPRequest request, boolean internal) {
        this.log = log;
        this.origin = origin;
        this.request = request;
        this.internal = internal;
    }

    /** Adds an application to the chain that handled the request, in the order they took it. */
    public synchronized void application(String name) {
        apps = apps == null ? name : apps + "," + name;
    }

    /** Sets the reason the line gives in {@code detail}; the first one given is kept. */
    public synchronized void note(String why) {
        if (detail == null) {
            detail = why;
        }
    }

    @Override
    public void finalResponseSent(ServerTransaction transaction, SIPResponse response) {
        if (transaction != origin) {
            return; // an internal hop of the same request: its line is the network request's
        }
        String chain;
        String why;
        synchronized (this) {
            chain = apps;
            why = detail;
        }
        log.info(line(response.getStatusCode(), response.getReasonPhrase(), chain, why));
    }

    /** The line, without writing it. */
    String line(int status, String reason, String chain, String why) {
        long ms = (System.nanoTime() - start) / 1_000_000;
        StringBuilder b = new StringBuilder(256);
        LogText.pair(b, "method", request.getMethod());
        LogText.pair(b, "from", LogText.party(value(request.getFrom())));
        LogText.pair(b, "to", LogText.party(value(request.getTo())));
        LogText.pair(b, "ruri", LogText.uri(request.getRequestURI() == null ? null : request.getRequestURI().toString()));
        LogText.pair(b, "src", internal ? "internal" : LogText.address(origin.source()));
        LogText.pair(b, "transport", origin.transport().name().toLowerCase(Locale.ROOT));
        LogText.pair(b, "call-id", request.getCallId() == null ? null : request.getCallId().getCallId());
        LogText.pair(b, "apps", chain);
        LogText.pair(b, "status", Integer.toString(status));
        LogText.pair(b, "reason", reason);
        LogText.pair(b, "ms", Long.toString(ms));
        if (why != null) {
            LogText.pair(b, "detail", why);
        }
        return b.toString();
    }

    private static String value(Object header) {
        return header instanceof SIPHeader h ? h.getHeaderValue() : null;
    }
}
