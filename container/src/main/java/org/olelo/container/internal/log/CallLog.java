package org.olelo.container.internal.log;

import gov.nist.javax.sip.message.SIPRequest;
import org.olelo.core.transaction.ServerTransaction;
import org.olelo.core.transport.InternalTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The call log: one INFO line on the logger {@value #LOGGER} per initial request this server
 * received, written when its first final response is sent, whatever answered it (an application,
 * the authentication guard, the application router finding no application, overload). Requests
 * that one application of this server hands to another (application composition) add their
 * application to the line of the request as it came from the network instead of writing their
 * own.
 *
 * <pre>
 * method=INVITE from=alice@example.com to=bob@example.com ruri=sip:bob@example.com src=192.0.2.1:5060
 *   transport=udp call-id=a84b4c76e66710 apps=screening,registrar status=486 reason="Busy Here" ms=5012
 * </pre>
 * (one line; {@code detail="..."} follows when the container knows why a request failed).
 *
 * <p>Off with {@code log.calls=false} or with the logger's level above INFO; then nothing is made
 * per request. Threads: {@link #begin} runs on transport reader threads, the rest wherever the
 * final response is sent; nothing blocks but the logging back end.
 */
public final class CallLog {

    /** Name of the logger the lines go to. */
    public static final String LOGGER = "olelo.calls";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private final boolean enabled;

    /** @param enabled whether lines are written at all ({@code log.calls}) */
    public CallLog(boolean enabled) {
        this.enabled = enabled;
    }

    /**
     * Starts the record of an initial request the core received and has it written when the
     * transaction sends its first final response.
     *
     * @param st the request's server transaction (its request not yet answered)
     * @return the record, or null when the call log is off
     */
    public CallRecord begin(ServerTransaction st) {
        SIPRequest r = st.request();
        if (!enabled || r == null || !LOG.isInfoEnabled()) {
            return null;
        }
        CallRecord c = new CallRecord(LOG, st, r, st.transport() instanceof InternalTransport);
        st.observe(c);
        return c;
    }

    /**
     * Makes a request that another application of this server sent part of the record of the
     * request that application received: the line is written once, for that one.
     *
     * @param st     the transaction of the request received from the other application
     * @param parent the record of the request as received from the network
     * @return {@code parent}
     */
    public static CallRecord join(ServerTransaction st, CallRecord parent) {
        st.observe(parent);
        return parent;
    }

    /**
     * @param st a server transaction, or null
     * @return the record its final response will be logged with, or null (none, or already logged)
     */
    public static CallRecord of(ServerTransaction st) {
        return st != null && st.observer() instanceof CallRecord c ? c : null;
    }

    /**
     * Adds a reason to the record of a request, if it has one, for the line's {@code detail}.
     *
     * @param st     the request's server transaction, or null
     * @param detail what went wrong, for the operator (never sent to the network)
     */
    public static void note(ServerTransaction st, String detail) {
        CallRecord c = of(st);
        if (c != null) {
            c.note(detail);
        }
    }
}
