package org.olelo.core.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.olelo.core.message.ParseOutcome;
import org.olelo.core.message.SipParser;
import org.olelo.core.routing.Hop;
import org.olelo.core.stats.CoreStatistics;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipText;
import org.olelo.core.transport.InMemoryTransport;

/**
 * Transactions let go of the parsed messages and of their transaction user once the final
 * response is known, and still do what their remaining states require: repeat the final response,
 * re-send the ACK, pass further 2xx to the Accepted-state listener.
 */
class TransactionReleaseTest {

    private static final InetSocketAddress PEER = new InetSocketAddress(InetAddress.getLoopbackAddress(), 5099);

    private final TransactionTimers timers = new TransactionTimers();
    private final TransactionLayer layer = new TransactionLayer(timers, TimerSettings.DEFAULT, new CoreStatistics());
    private final InMemoryTransport mem = InMemoryTransport.udp();

    @AfterEach
    void stop() {
        timers.close();
    }

    private static SIPRequest request(String method, String branch) {
        byte[] text = SipBuilder.request(method, "sip:bob@127.0.0.1").via("UDP", "127.0.0.1:5099", branch)
                .from("<sip:alice@127.0.0.1>;tag=a1").callId(branch + "@test").bytes();
        return (SIPRequest) ((ParseOutcome.Parsed) SipParser.parse(text)).message();
    }

    private static SIPResponse response(SIPRequest sent, int status, String toTag) {
        SIPResponse r = sent.createResponse(status);
        try {
            r.getTo().setTag(toTag);
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
        byte[] b = r.encodeAsBytes("UDP");
        return (SIPResponse) ((ParseOutcome.Parsed) SipParser.parse(b)).message();
    }

    private String next() throws InterruptedException {
        InMemoryTransport.Sent s = mem.poll(PEER, 2, TimeUnit.SECONDS);
        assertNotNull(s, "nothing sent to the peer");
        return s.text();
    }

    @Test
    void aResponseTooLateForTheTransactionIsNotSentAndNotAnError() throws Exception {
        SIPRequest invite = request("INVITE", "z9hG4bK-late");
        ServerTransaction st = layer.createServer(invite, mem, PEER, "h");
        SIPResponse trying = st.createResponse(100, null); // made before a CANCEL on another thread ...
        st.sendResponse(st.createResponse(487, null));   // ... answers the INVITE first
        assertEquals(487, SipText.status(next()));
        st.onAckReceived();
        assertEquals(TransactionState.CONFIRMED, st.state());
        assertTrue(!st.sendResponseIfPending(trying), "too late: not sent");
        assertTrue(!st.respondIfPending(100, null), "too late, and the request is released: not sent");
        assertThrows(IllegalStateException.class, () -> st.sendResponse(trying), "an application still hears of it");
        assertNull(mem.poll(PEER, 200, TimeUnit.MILLISECONDS), "nothing more went out");
    }

    @Test
    void serverTransactionKeepsOnlyTheFinalResponse() throws Exception {
        SIPRequest invite = request("INVITE", "z9hG4bK-st1");
        ServerTransaction st = layer.createServer(invite, mem, PEER, "h");
        st.setApplicationData("tu");
        st.sendResponse(st.createResponse(180, null));
        assertSame(invite, st.request());
        assertEquals("tu", st.applicationData());
        assertEquals(180, SipText.status(next()));

        st.sendResponse(st.createResponse(486, null));
        assertEquals(486, SipText.status(next()));
        assertNull(st.request());
        assertNull(st.applicationData());
        assertThrows(IllegalStateException.class, () -> st.createResponse(500, null));

        st.onRetransmissionReceived();
        assertEquals(486, SipText.status(next()), "the final response is repeated from its bytes");
        st.onAckReceived();
        assertEquals(TransactionState.CONFIRMED, st.state());
    }

    @Test
    void acceptedServerTransactionStillRelaysA2xx() throws Exception {
        ServerTransaction st = layer.createServer(request("INVITE", "z9hG4bK-st2"), mem, PEER, "h");
        SIPResponse ok = st.createResponse(200, null);
        st.sendResponse(ok);
        assertEquals(200, SipText.status(next()));
        assertNull(st.request());
        st.sendResponse(ok);
        assertEquals(200, SipText.status(next()), "a 2xx retransmission passes in the Accepted state");
    }

    /** Records what it receives; its Accepted-state listener is another recorder. */
    private static final class Recorder implements ClientTransactionListener {
        final List<Integer> statuses = new CopyOnWriteArrayList<>();
        final Recorder accepted;

        Recorder(Recorder accepted) {
            this.accepted = accepted;
        }

        @Override
        public void onResponse(ClientTransaction tx, SIPResponse response) {
            statuses.add(response.getStatusCode());
        }

        @Override
        public void onTimeout(ClientTransaction tx) {
        }

        @Override
        public void onTransportError(ClientTransaction tx, IOException error) {
        }

        @Override
        public ClientTransactionListener acceptedListener() {
            return accepted == null ? this : accepted;
        }
    }

    @Test
    void acceptedClientTransactionHandsFurther2xxToTheSmallerListener() throws Exception {
        Recorder later = new Recorder(null);
        Recorder tu = new Recorder(later);
        SIPRequest invite = request("INVITE", "z9hG4bK-ct1");
        ClientTransaction ct = layer.sendRequest(invite, new Hop(mem, PEER), tu);
        assertTrue(next().startsWith("INVITE "));
        layer.onResponse(response(invite, 180, "b1"));
        layer.onResponse(response(invite, 200, "b1"));
        assertEquals(TransactionState.ACCEPTED, ct.state());
        assertNull(ct.request());
        layer.onResponse(response(invite, 200, "b1"));
        layer.onResponse(response(invite, 200, "b2"));
        assertEquals(List.of(180, 200), tu.statuses);
        assertEquals(List.of(200, 200), later.statuses);
    }

    @Test
    void completedClientTransactionResendsItsAckWithoutTheRequest() throws Exception {
        Recorder tu = new Recorder(null);
        SIPRequest invite = request("INVITE", "z9hG4bK-ct2");
        ClientTransaction ct = layer.sendRequest(invite, new Hop(mem, PEER), tu);
        assertTrue(next().startsWith("INVITE "));
        layer.onResponse(response(invite, 486, "b1"));
        assertTrue(next().startsWith("ACK "));
        assertNull(ct.request());
        layer.onResponse(response(invite, 486, "b1"));
        assertTrue(next().startsWith("ACK "), "the ACK is sent again for a retransmitted final response");
        assertEquals(List.of(486), tu.statuses);
    }
}
