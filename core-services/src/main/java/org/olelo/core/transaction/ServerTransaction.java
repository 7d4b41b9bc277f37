package org.olelo.core.transaction;

import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import javax.sip.header.RouteHeader;
import javax.sip.header.ToHeader;
import org.olelo.core.message.MessageEncoder;
import org.olelo.core.message.lazy.Received;
import org.olelo.core.message.SipMessages;
import org.olelo.core.transport.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An RFC 3261 §17.2 server transaction (INVITE or non-INVITE), with the RFC 6026 Accepted state.
 * It remembers the last response and sends it again when the request is retransmitted, retransmits
 * INVITE final responses over UDP (Timer G) until the ACK arrives, and removes itself when its
 * timers end.
 *
 * <p>Once the final response is sent the transaction keeps only what its remaining states need:
 * the response's bytes (not for a 2xx to INVITE, which the transaction user repeats) and the
 * address they go to. The request, the popped Route and the transaction
 * user's object are released, so that the parsed messages of a finished exchange do not live on for
 * the 32 s of Timers H, J and L.
 *
 * <p>Threads: created on a transport reader thread; {@link #sendResponse} is called from application
 * threads; timers run on the timer thread. All state changes hold the transaction's monitor, and no
 * call leaves the transaction while holding it except the non-blocking send.
 */
public final class ServerTransaction extends AbstractTransaction {

    private static final Logger LOG = LoggerFactory.getLogger(ServerTransaction.class);

    private SIPRequest request;
    private final Transport transport;
    private final InetSocketAddress source;
    private final InetSocketAddress responseTo;
    private final boolean invite;
    private final String loopHash;
    private RouteHeader poppedRoute;
    private byte[] lastResponse;
    private int lastStatus;
    private String localTag;
    private long retransmitInterval;
    private volatile Object applicationData;
    private FinalResponseObserver observer;

    ServerTransaction(TransactionLayer layer, String key, SIPRequest request, Transport transport,
                      InetSocketAddress source, String loopHash) {
        super(layer, key, request.getMethod().equals("INVITE") ? TransactionState.PROCEEDING : TransactionState.TRYING);
        this.request = request;
        this.transport = transport;
        this.source = source;
        this.invite = request.getMethod().equals("INVITE");
        this.loopHash = loopHash;
        this.responseTo = responseAddress(request, transport, source);
    }

    /**
     * The request that created the transaction (after Route pre-processing); null once the final
     * response has been sent.
     */
    public synchronized SIPRequest request() {
        return request;
    }

    /** The transport the request came in on. */
    public Transport transport() {
        return transport;
    }

    /** The peer address the request came from. */
    public InetSocketAddress source() {
        return source;
    }

    /** The Route header value that named this server and was removed, or null. */
    public synchronized RouteHeader poppedRoute() {
        return poppedRoute;
    }

    /** Records the Route entry the core removed; called once, before the transaction user sees it. */
    public synchronized void setPoppedRouteFromCore(RouteHeader r) {
        this.poppedRoute = r;
    }

    /** Hash of the routing-relevant fields as received, for loop detection in forwarded branches. */
    public String loopHash() {
        return loopHash;
    }

    /** Current state. */
    public synchronized TransactionState state() {
        return state;
    }

    /** Status of the last response sent, 0 if none. */
    public synchronized int lastStatus() {
        return lastStatus;
    }

    /** A To tag for locally generated responses, the same for every response of this transaction. */
    public synchronized String localTag() {
        if (localTag == null) {
            String existing = request == null ? null : request.getToTag();
            localTag = existing != null ? existing : SipMessages.newTag();
        }
        return localTag;
    }

    /** Object the transaction user attaches (e.g. the container's request). */
    public Object applicationData() {
        return applicationData;
    }

    /** Attaches the transaction user's object. */
    public void setApplicationData(Object o) {
        this.applicationData = o;
    }

    /**
     * Attaches the transaction user's object unless a final response was sent. Atomic with
     * {@link #respondUnlessAttached}: of a request handed to its user and a CANCEL answered on
     * another thread, exactly one wins, so a user never starts on a request already answered.
     *
     * @return false when a final response went out first (nothing was attached)
     */
    public synchronized boolean attachIfPending(Object o) {
        if (lastStatus >= 200) {
            return false;
        }
        this.applicationData = o;
        return true;
    }

    /**
     * Sends a final response made here only while no transaction user's object is attached (see
     * {@link #attachIfPending}).
     *
     * @return false when an object is attached: its owner answers; true when the response was
     *         sent or a final response had gone out already
     */
    public boolean respondUnlessAttached(int status, String reason) {
        SIPResponse r;
        try {
            r = createResponse(status, reason);
        } catch (IllegalStateException e) {
            return true; // the request was released with the final response
        }
        synchronized (this) {
            if (applicationData != null) {
                return false;
            }
            send(r, false);
            return true;
        }
    }

    /**
     * Sets who is told of the first final response; replaces any earlier observer. Released with
     * the request once the final response is sent.
     */
    public synchronized void observe(FinalResponseObserver o) {
        this.observer = o;
    }

    /** The observer of the first final response, or null (none, or the final response is sent). */
    public synchronized FinalResponseObserver observer() {
        return observer;
    }

    /**
     * Builds a response to the request with a To tag (except for 100) and the given status.
     *
     * @throws IllegalStateException when the final response was already sent
     */
    public SIPResponse createResponse(int status, String reason) {
        SIPRequest req = request();
        if (req == null) {
            throw new IllegalStateException("final response already sent");
        }
        SIPResponse r = reason == null ? req.createResponse(status) : req.createResponse(status, reason);
        if (status > 100 && r.getToTag() == null) {
            try {
                ((ToHeader) r.getTo()).setTag(localTag());
            } catch (java.text.ParseException e) {
                throw new IllegalStateException(e);
            }
        }
        return r;
    }

    /**
     * Sends a response through the transaction.
     *
     * @throws IllegalStateException when a final response was already sent (a 2xx to an INVITE may be
     *                               sent again while the transaction is in the Accepted state)
     */
    public void sendResponse(SIPResponse response) {
        send(response, true);
    }

    /**
     * Sends a response unless the transaction has gone past the point where it may: a final
     * response was sent meanwhile (a CANCEL answered on another thread got there first). For
     * responses the core makes itself, such as 100 Trying, for which that race is a normal outcome.
     *
     * @return true when the response was sent
     */
    public boolean sendResponseIfPending(SIPResponse response) {
        return send(response, false);
    }

    /** Creates and sends a response as {@link #sendResponseIfPending}; false when it was too late. */
    public boolean respondIfPending(int status, String reason) {
        SIPResponse r;
        try {
            r = createResponse(status, reason);
        } catch (IllegalStateException e) {
            LOG.debug("{}: {} not sent, a final response went out first", this, status);
            return false; // the request was released with the final response
        }
        return send(r, false);
    }

    private boolean send(SIPResponse response, boolean strict) {
        int status = response.getStatusCode();
        byte[] bytes = Received.edited(response); // a relayed response nothing else changed
        if (bytes == null) {
            bytes = MessageEncoder.encode(response);
        }
        FinalResponseObserver told = null;
        synchronized (this) {
            String refused = switch (state) {
                case TRYING, PROCEEDING -> null;
                case ACCEPTED -> status / 100 != 2 ? "final response already sent" : null;
                default -> "transaction is " + state + "; cannot send " + status;
            };
            if (refused != null) {
                if (strict) {
                    throw new IllegalStateException(refused);
                }
                LOG.debug("{}: {} not sent, a final response went out first", this, status);
                return false;
            }
            lastResponse = bytes;
            lastStatus = status;
            if (status >= 200) {
                told = observer;
                release();
            }
            if (status < 200) {
                state = TransactionState.PROCEEDING;
            } else if (invite && status < 300) {
                // the transaction user, not the transaction, repeats a 2xx (RFC 6026): nothing to keep
                lastResponse = null;
                if (state != TransactionState.ACCEPTED) {
                    state = TransactionState.ACCEPTED;
                    endTimer = layer.timers().schedule(this::terminate, layer.settings().timeout());
                }
            } else if (invite) {
                state = TransactionState.COMPLETED;
                if (!transport.reliable()) {
                    retransmitInterval = layer.settings().t1();
                    retransmitTimer = layer.timers().schedule(this::timerG, retransmitInterval);
                }
                endTimer = layer.timers().schedule(this::timerH, layer.settings().timeout());
            } else {
                state = TransactionState.COMPLETED;
                endTimer = layer.timers().schedule(this::terminate, transport.reliable() ? 0 : layer.settings().timeout());
            }
        }
        layer.statistics().responseSent(status);
        send(bytes);
        if (told != null) {
            told.finalResponseSent(this, response);
        }
        return true;
    }

    /** A retransmission of the request arrived: the last response is sent again. */
    public void onRetransmissionReceived() {
        onRetransmission();
    }

    void onRetransmission() {
        byte[] again;
        synchronized (this) {
            again = (state == TransactionState.ACCEPTED) ? null : lastResponse;
        }
        if (again != null) {
            send(again);
        }
    }

    /** The ACK for a non-2xx final response arrived. */
    public void onAckReceived() {
        onAck();
    }

    void onAck() {
        synchronized (this) {
            if (state != TransactionState.COMPLETED) {
                return;
            }
            state = TransactionState.CONFIRMED;
            cancelTimers();
            endTimer = layer.timers().schedule(this::terminate, transport.reliable() ? 0 : layer.settings().t4());
        }
    }

    private void timerG() {
        byte[] again;
        synchronized (this) {
            if (state != TransactionState.COMPLETED) {
                return;
            }
            again = lastResponse;
            retransmitInterval = Math.min(retransmitInterval * 2, layer.settings().t2());
            retransmitTimer = layer.timers().schedule(this::timerG, retransmitInterval);
        }
        layer.statistics().retransmission();
        send(again);
    }

    private void timerH() {
        synchronized (this) {
            if (state != TransactionState.COMPLETED) {
                return;
            }
        }
        LOG.debug("no ACK for final response of {}", key());
        terminate();
    }

    /**
     * Lets go of what only the transaction user needed; the monitor is held. A CANCEL keeps its
     * request: the core answers it before the transaction user hands it to the application.
     */
    private void release() {
        if (!"CANCEL".equals(request == null ? null : request.getMethod())) {
            request = null;
        }
        poppedRoute = null;
        applicationData = null;
        observer = null;
    }

    @Override
    void removeFromLayer() {
        synchronized (this) {
            release();
            request = null;
        }
        layer.remove(this);
    }

    boolean isInvite() {
        return invite;
    }

    private void send(byte[] bytes) {
        try {
            transport.send(bytes, responseTo);
        } catch (IOException e) {
            LOG.debug("response to {} failed: {}", responseTo, e.toString());
        }
    }

    /** RFC 3261 §18.2.2 with RFC 3581: back to the source for streams and rport, else the Via port. */
    private static InetSocketAddress responseAddress(SIPRequest request, Transport transport, InetSocketAddress source) {
        if (transport.reliable()) {
            return source;
        }
        Via top = (Via) request.getTopmostVia();
        if (top == null || top.hasParameter("rport")) {
            return source;
        }
        int port = top.getPort() > 0 && top.getPort() <= 65535 ? top.getPort() : 5060;
        return new InetSocketAddress(source.getAddress(), port);
    }

    @Override
    public String toString() {
        return "server-tx " + key();
    }
}
