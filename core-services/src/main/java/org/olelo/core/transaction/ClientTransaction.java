package org.olelo.core.transaction;

import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import java.io.IOException;
import java.text.ParseException;
import java.util.ListIterator;
import javax.sip.header.RouteHeader;
import javax.sip.message.Request;
import org.olelo.core.message.MessageEncoder;
import org.olelo.core.message.lazy.Received;
import org.olelo.core.message.SipMessages;
import org.olelo.core.routing.Hop;

/**
 * An RFC 3261 §17.1 client transaction (INVITE or non-INVITE) with the RFC 6026 Accepted state:
 * it sends the request to one hop, retransmits it over UDP (Timers A and E), gives up after 64*T1
 * (Timers B and F), generates the ACK for non-2xx final responses to INVITE, and absorbs
 * retransmitted final responses. CANCEL (§9.1) is sent only once a provisional response has arrived.
 *
 * <p>Once the final response has arrived the transaction keeps only what its remaining state
 * needs (the ACK's bytes, the hop, the Accepted-state listener): the request, its bytes and the
 * transaction user are released, so that the parsed messages of finished calls do not live on for
 * the 32 s of Timers D, K and M.
 *
 * <p>Threads: started by the transaction user; responses arrive on transport reader threads and
 * timers on the timer thread; the listener is called outside the transaction's monitor.
 */
public final class ClientTransaction extends AbstractTransaction {

    private SIPRequest request;
    private final Hop hop;
    private ClientTransactionListener listener;
    private final boolean invite;
    private byte[] bytes;
    private long interval;
    private byte[] ack;
    private boolean cancelWanted;
    private boolean cancelSent;
    private SIPRequest cancelRequest;
    private volatile Object applicationData;

    ClientTransaction(TransactionLayer layer, String key, SIPRequest request, Hop hop, ClientTransactionListener listener) {
        super(layer, key, request.getMethod().equals(Request.INVITE) ? TransactionState.CALLING : TransactionState.TRYING);
        this.request = request;
        this.hop = hop;
        this.listener = listener;
        this.invite = request.getMethod().equals(Request.INVITE);
        byte[] edited = Received.edited(request); // a request relayed in a dialog that nothing else changed
        this.bytes = edited != null ? edited : MessageEncoder.encode(request);
    }

    /** The request as sent; null once the final response has arrived. */
    public synchronized SIPRequest request() {
        return request;
    }

    /** Where the request was sent. */
    public Hop hop() {
        return hop;
    }

    /** Current state. */
    public synchronized TransactionState state() {
        return state;
    }

    /** True once {@link #cancel} was called (a transaction user does not send the request elsewhere then). */
    public synchronized boolean cancelRequested() {
        return cancelWanted;
    }

    /** Object the transaction user attaches (a proxy branch, a UAC request). */
    public Object applicationData() {
        return applicationData;
    }

    /** Attaches the transaction user's object. */
    public void setApplicationData(Object o) {
        this.applicationData = o;
    }

    void start() {
        byte[] first = bytes;
        String method = request.getMethod();
        ClientTransactionListener tu = listener;
        synchronized (this) {
            interval = layer.settings().t1();
            if (!hop.transport().reliable()) {
                retransmitTimer = layer.timers().schedule(this::retransmit, interval);
            }
            endTimer = layer.timers().schedule(this::timeout, layer.settings().timeout());
        }
        layer.statistics().requestSent(method);
        try {
            hop.transport().send(first, hop.address());
        } catch (IOException e) {
            terminate();
            tu.onTransportError(this, e);
        }
    }

    private void retransmit() {
        byte[] again;
        synchronized (this) {
            if (state != TransactionState.CALLING && state != TransactionState.TRYING && state != TransactionState.PROCEEDING) {
                return;
            }
            if (invite && state == TransactionState.PROCEEDING) {
                return;
            }
            interval = invite ? interval * 2 : Math.min(interval * 2, layer.settings().t2());
            retransmitTimer = layer.timers().schedule(this::retransmit, interval);
            again = bytes;
        }
        layer.statistics().retransmission();
        try {
            hop.transport().send(again, hop.address());
        } catch (IOException ignored) {
            // the next retransmission or Timer B/F decides
        }
    }

    private void timeout() {
        ClientTransactionListener tu;
        synchronized (this) {
            if (state != TransactionState.CALLING && state != TransactionState.TRYING && state != TransactionState.PROCEEDING) {
                return;
            }
            tu = listener;
        }
        terminate();
        tu.onTimeout(this);
    }

    void onResponse(SIPResponse response) {
        int status = response.getStatusCode();
        boolean deliver;
        byte[] ackToSend = null;
        boolean sendCancel = false;
        SIPRequest cancelOf = null;
        ClientTransactionListener tu;
        synchronized (this) {
            tu = listener;
            switch (state) {
                case CALLING, TRYING, PROCEEDING -> {
                    deliver = true;
                    if (status < 200) {
                        if (state != TransactionState.PROCEEDING) {
                            state = TransactionState.PROCEEDING;
                            if (invite && retransmitTimer != null) {
                                retransmitTimer.cancel(false);
                            } else if (!invite) {
                                interval = layer.settings().t2();
                            }
                            if (cancelWanted && !cancelSent) {
                                cancelSent = true;
                                sendCancel = true;
                                cancelOf = request;
                            }
                        }
                    } else {
                        cancelTimers();
                        if (invite && status < 300) {
                            state = TransactionState.ACCEPTED;
                            endTimer = layer.timers().schedule(this::terminate, layer.settings().timeout());
                            listener = tu.acceptedListener();
                        } else {
                            state = TransactionState.COMPLETED;
                            if (invite) {
                                ack = MessageEncoder.encode(createAck(response));
                                ackToSend = ack;
                            }
                            long linger = hop.transport().reliable() ? 0 : (invite ? 32_000 : layer.settings().t4());
                            endTimer = layer.timers().schedule(this::terminate, linger);
                            listener = NO_LISTENER;
                        }
                        request = null;
                        bytes = null;
                    }
                }
                case ACCEPTED -> deliver = status >= 200 && status < 300;
                case COMPLETED -> {
                    deliver = false;
                    ackToSend = ack;
                }
                default -> deliver = false;
            }
        }
        if (ackToSend != null) {
            sendQuietly(ackToSend);
        }
        if (sendCancel) {
            sendCancel(cancelOf);
        }
        if (deliver) {
            tu.onResponse(this, response);
        }
    }

    /**
     * Cancels a pending INVITE (§9.1): sends CANCEL now if a provisional response arrived, or as soon as
     * one does. Does nothing once a final response was received.
     *
     * @return true if a CANCEL was or will be sent
     */
    public boolean cancel() {
        return cancel(null);
    }

    /**
     * Like {@link #cancel()}, sending {@code cancel} (a CANCEL built from this transaction's request,
     * with whatever headers the user added) instead of a plain one.
     */
    public boolean cancel(SIPRequest cancel) {
        if (!invite) {
            return false;
        }
        SIPRequest of;
        synchronized (this) {
            if (cancelWanted || (state != TransactionState.CALLING && state != TransactionState.PROCEEDING)) {
                return false;
            }
            cancelWanted = true;
            cancelRequest = cancel;
            if (state != TransactionState.PROCEEDING) {
                return true;
            }
            cancelSent = true;
            of = request;
        }
        sendCancel(of);
        return true;
    }

    private void sendCancel(SIPRequest of) {
        try {
            SIPRequest c;
            synchronized (this) {
                c = cancelRequest;
                cancelRequest = null;
            }
            layer.sendRequest(c != null ? c : of.createCancelRequest(), hop, NO_LISTENER);
        } catch (javax.sip.SipException e) {
            throw new IllegalStateException("cannot build CANCEL", e);
        }
    }

    /** The hop-by-hop ACK for a non-2xx final response (§17.1.1.3). */
    private SIPRequest createAck(SIPResponse response) {
        SIPRequest a = new SIPRequest();
        try {
            a.setMethod(Request.ACK);
            a.setRequestURI(request.getRequestURI());
            a.setHeader((Via) request.getTopmostVia().clone());
            a.setHeader(request.getCallId());
            a.setHeader(request.getFrom());
            a.setHeader(response.getTo());
            a.setHeader(SipMessages.HEADERS.createCSeqHeader(request.getCSeq().getSeqNumber(), Request.ACK));
            a.setHeader(SipMessages.HEADERS.createMaxForwardsHeader(70));
            ListIterator<?> routes = request.getHeaders(RouteHeader.NAME);
            while (routes.hasNext()) {
                a.addHeader((RouteHeader) routes.next());
            }
        } catch (ParseException | javax.sip.InvalidArgumentException e) {
            throw new IllegalStateException("cannot build ACK", e);
        }
        return a;
    }

    private void sendQuietly(byte[] b) {
        try {
            hop.transport().send(b, hop.address());
        } catch (IOException ignored) {
            // a lost ACK makes the peer retransmit its response
        }
    }

    @Override
    void removeFromLayer() {
        synchronized (this) {
            request = null;
            bytes = null;
            listener = NO_LISTENER;
            applicationData = null;
        }
        layer.remove(this);
    }

    /** Listener for transactions whose outcome nobody waits for (CANCEL). */
    static final ClientTransactionListener NO_LISTENER = new ClientTransactionListener() {
        @Override
        public void onResponse(ClientTransaction tx, SIPResponse response) {
        }

        @Override
        public void onTimeout(ClientTransaction tx) {
        }

        @Override
        public void onTransportError(ClientTransaction tx, IOException error) {
        }
    };

    @Override
    public String toString() {
        return "client-tx " + key() + " -> " + hop;
    }
}
