package org.olelo.core.transaction;

import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import javax.sip.message.Request;
import org.olelo.core.message.SipMessages;
import org.olelo.core.routing.Hop;
import org.olelo.core.stats.CoreStatistics;
import org.olelo.core.transport.Transport;

/**
 * The transaction tables and their matching rules (RFC 3261 §17.1.3 and §17.2.3, with the RFC 2543
 * fallback for requests whose branch lacks the magic cookie). Lock-free lookups in concurrent maps;
 * each transaction guards its own state, so there is no global lock on the message path.
 */
public final class TransactionLayer {

    private final ConcurrentHashMap<String, ServerTransaction> servers = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ClientTransaction> clients = new ConcurrentHashMap<>();
    private final TransactionTimers timers;
    private final TimerSettings settings;
    private final CoreStatistics statistics;

    public TransactionLayer(TransactionTimers timers, TimerSettings settings, CoreStatistics statistics) {
        this.timers = timers;
        this.settings = settings;
        this.statistics = statistics;
    }

    /** The server transaction a request belongs to (a retransmission, or the INVITE an ACK acknowledges). */
    public ServerTransaction findServer(SIPRequest request) {
        String method = request.getMethod();
        return servers.get(serverKey(request, method.equals(Request.ACK) ? Request.INVITE : method));
    }

    /** The INVITE server transaction a CANCEL refers to (§9.2), or null. */
    public ServerTransaction findCancelled(SIPRequest cancel) {
        return servers.get(serverKey(cancel, Request.INVITE));
    }

    /**
     * Creates and registers the server transaction for a new request. When a retransmission raced
     * it in, the existing transaction is returned and the caller treats the request as a retransmission.
     */
    public ServerTransaction createServer(SIPRequest request, Transport transport, InetSocketAddress source, String loopHash) {
        String key = serverKey(request, request.getMethod());
        ServerTransaction st = new ServerTransaction(this, key, request, transport, source, loopHash);
        ServerTransaction existing = servers.putIfAbsent(key, st);
        if (existing != null) {
            return existing;
        }
        statistics.serverTransactionCreated();
        return st;
    }

    /** Routes a response to its client transaction; false when none matches (a stray response). */
    public boolean onResponse(SIPResponse response) {
        Via top = response.getTopmostVia();
        if (top == null || response.getCSeq() == null) {
            return false;
        }
        String branch = top.getBranch();
        if (branch == null) {
            return false;
        }
        String method = response.getCSeq().getMethod();
        ClientTransaction ct = clients.get(clientKey(branch, method));
        if (ct == null) {
            return false;
        }
        ct.onResponse(response);
        return true;
    }

    /**
     * Starts a client transaction for a request whose top Via (with a fresh branch) is already ours.
     */
    public ClientTransaction sendRequest(SIPRequest request, Hop hop, ClientTransactionListener listener) {
        String branch = request.getTopmostVia().getBranch();
        String key = clientKey(branch, request.getMethod());
        ClientTransaction ct = new ClientTransaction(this, key, request, hop, listener);
        if (clients.putIfAbsent(key, ct) != null) {
            throw new IllegalStateException("branch " + branch + " already in use");
        }
        statistics.clientTransactionCreated();
        ct.start();
        return ct;
    }

    void remove(ServerTransaction st) {
        servers.remove(st.key(), st);
    }

    void remove(ClientTransaction ct) {
        clients.remove(ct.key(), ct);
    }

    /** Live server transactions. */
    public int serverCount() {
        return servers.size();
    }

    /** Live client transactions. */
    public int clientCount() {
        return clients.size();
    }

    /**
     * Transactions still waiting for their final response: server transactions that have not
     * answered yet and client transactions that have not been answered yet. Walks both tables, so
     * it is meant for a draining shutdown, not for the message path.
     */
    public int unfinished() {
        int n = 0;
        for (ServerTransaction st : servers.values()) {
            if (awaitingFinal(st.state())) {
                n++;
            }
        }
        for (ClientTransaction ct : clients.values()) {
            if (awaitingFinal(ct.state())) {
                n++;
            }
        }
        return n;
    }

    private static boolean awaitingFinal(TransactionState s) {
        return s == TransactionState.CALLING || s == TransactionState.TRYING || s == TransactionState.PROCEEDING;
    }

    TransactionTimers timers() {
        return timers;
    }

    TimerSettings settings() {
        return settings;
    }

    CoreStatistics statistics() {
        return statistics;
    }

    /** True when the branch is an RFC 3261 transaction id (the magic cookie and something after it). */
    public static boolean isRfc3261Branch(String branch) {
        return branch != null && branch.length() > SipMessages.MAGIC_COOKIE.length()
                && branch.regionMatches(true, 0, SipMessages.MAGIC_COOKIE, 0, SipMessages.MAGIC_COOKIE.length());
    }

    private static String serverKey(SIPRequest request, String method) {
        Via top = request.getTopmostVia();
        String branch = top.getBranch();
        String sentBy = top.getHost().toLowerCase(Locale.ROOT) + ":" + top.getPort();
        if (isRfc3261Branch(branch)) {
            // RFC 3261 §17.2.3 matches on branch, sent-by and method; the Call-ID is added so that two
            // requests from a client that reuses a branch across calls are not merged into one.
            return branch + '|' + sentBy + '|' + method + '|' + request.getCallId().getCallId();
        }
        // RFC 2543: Request-URI, From tag, Call-ID, CSeq number and top Via identify the transaction.
        return "2543|" + request.getRequestURI() + '|' + request.getFromTag() + '|' + request.getCallId().getCallId()
                + '|' + request.getCSeq().getSeqNumber() + '|' + sentBy + '|' + method;
    }

    private static String clientKey(String branch, String method) {
        return branch + '|' + (method.equals(Request.ACK) ? Request.INVITE : method);
    }
}
