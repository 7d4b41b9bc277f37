package org.olelo.container.internal.acc;

import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import jakarta.servlet.sip.SipSession;
import java.time.Clock;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.HeaderAddress;
import org.olelo.api.stats.Statistics;
import org.olelo.container.internal.dialog.DialogEndListener;
import org.olelo.container.internal.dialog.TrackedDialog;
import org.olelo.container.internal.session.DialogObserver;
import org.olelo.container.internal.session.DialogParties;
import org.olelo.container.internal.session.SipSessionImpl;

/**
 * Kamailio's acc for the calls that proxy applications relay (the registrar's location service,
 * the proxy application): a row in {@code acc} for each answered INVITE and each BYE, a row in
 * {@code missed_calls} for each INVITE that ended with a final response of 300 or more (busy,
 * cancelled, timed out...), and a row in {@code acc_cdrs} for each answered call once it ends.
 * Source and destination are the user and host of the request's From and To.
 *
 * <p>Threads: the events arrive on application session executors; making a record and queueing
 * it is all they cost there. The {@link AccWriter} thread writes.
 */
public final class Accounting implements DialogObserver, DialogEndListener, AutoCloseable {

    private final AccWriter writer;
    private final Clock clock;

    /**
     * @param writer where records go
     * @param clock  the clock of the transaction times
     */
    public Accounting(AccWriter writer, Clock clock) {
        this.writer = writer;
        this.clock = clock;
    }

    /** The writer (its counters). */
    public AccWriter writer() {
        return writer;
    }

    /**
     * Registers the accounting meters as gauges: {@code acc.written}, {@code acc.dropped},
     * {@code acc.outages} (all since the start) and {@code acc.queued}.
     */
    public void registerWith(Statistics stats) {
        stats.gauge("acc", "written", "accounting records written to the database since the start", writer::written);
        stats.gauge("acc", "dropped", "accounting records dropped (queue full or refused) since the start",
                writer::dropped);
        stats.gauge("acc", "outages", "times the accounting database became unavailable", writer::outages);
        stats.gauge("acc", "queued", "accounting records waiting for the database", writer::queued);
    }

    @Override
    public void proxiedFinal(SipSessionImpl s, SIPRequest request, boolean subsequent, SIPResponse response) {
        String method = request.getMethod();
        int code = response.getStatusCode();
        if (!subsequent && method.equals("INVITE")) {
            if (code < 300 && s.getState() == SipSession.State.CONFIRMED) {
                return; // a further 2xx (another fork, a retransmission): the call was accounted once
            }
            writer.offer(event(code >= 300, request, response));
        } else if (subsequent && method.equals("BYE")) {
            writer.offer(event(false, request, response));
        }
    }

    @Override
    public void ended(TrackedDialog d, boolean answered) {
        DialogParties p = d.parties();
        if (answered && p.proxied()) {
            writer.offer(new AccRecord.Cdr(d.confirmed(), d.ended(), p.callId(), p.fromTag(), p.toTag(),
                    p.fromUser(), p.toUser()));
        }
    }

    private AccRecord.Event event(boolean missed, SIPRequest q, SIPResponse r) {
        URI from = uri(q.getFrom());
        URI to = uri(q.getTo());
        return new AccRecord.Event(missed, q.getMethod(), q.getFromTag(), r.getToTag(), q.getCallId().getCallId(),
                r.getStatusCode(), r.getReasonPhrase(), clock.instant(), user(from), host(from), user(to), host(to));
    }

    private static URI uri(HeaderAddress h) {
        return h == null || h.getAddress() == null ? null : h.getAddress().getURI();
    }

    private static String user(URI u) {
        return u instanceof SipURI s ? s.getUser() : null;
    }

    private static String host(URI u) {
        return u instanceof SipURI s ? s.getHost() : null;
    }

    /** Stops the writer after writing what is queued (waits at most 10 s). */
    @Override
    public void close() {
        writer.close();
    }
}
