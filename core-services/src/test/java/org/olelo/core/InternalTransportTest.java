package org.olelo.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sip.address.SipURI;
import javax.sip.header.RouteHeader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.olelo.core.message.ParseOutcome;
import org.olelo.core.message.SipMessages;
import org.olelo.core.message.SipParser;
import org.olelo.core.routing.Hop;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.transaction.ClientTransaction;
import org.olelo.core.transaction.ClientTransactionListener;
import org.olelo.core.transaction.ServerTransaction;
import org.olelo.core.transport.ListenAddress;
import org.olelo.core.transport.Transport;

/** The server's path to itself: next hops that name this server, and Route entries of two hops of it. */
class InternalTransportTest {

    private SipCore core;
    private final BlockingQueue<ServerTransaction> received = new ArrayBlockingQueue<>(10);
    /** What each received request looked like on arrival (a transaction lets go of it once answered). */
    private final BlockingQueue<Object[]> arrived = new ArrayBlockingQueue<>(10);

    private final RequestHandler handler = new RequestHandler() {
        @Override
        public void onRequest(ServerTransaction st) {
            arrived.add(new Object[] {st.poppedRoute(), st.request()});
            received.add(st);
            st.sendResponse(st.createResponse(200, null));
        }

        @Override
        public void onAck(SIPRequest ack, RouteHeader popped, Transport t, InetSocketAddress src) {
        }

        @Override
        public void onCancel(ServerTransaction invite, ServerTransaction cancel) {
        }
    };

    @BeforeEach
    void start() throws Exception {
        CoreConfig cfg = CoreConfig.defaults().withListen(List.of(ListenAddress.parse("udp:127.0.0.1:0")));
        core = new SipCore(cfg, host -> new InetAddress[] {InetAddress.getLoopbackAddress()});
        core.start(handler);
    }

    @AfterEach
    void stop() {
        core.close();
    }

    private int port() {
        return core.transports().get(0).localAddress().getPort();
    }

    private static SIPRequest parse(String text) {
        ParseOutcome o = SipParser.parse(text.getBytes(StandardCharsets.UTF_8));
        return (SIPRequest) ((ParseOutcome.Parsed) o).message();
    }

    private static SipURI uri(String u) throws Exception {
        return (SipURI) SipMessages.ADDRESSES.createURI(u);
    }

    @Test
    void aNextHopNamingThisServerIsTheInternalTransport() throws Exception {
        Hop self = core.resolve(uri("sip:bob@127.0.0.1:" + port()));
        assertSame(core.internalTransport(), self.transport());
        Hop other = core.resolve(uri("sip:bob@127.0.0.1:" + (port() == 5999 ? 5998 : 5999)));
        assertSame(core.transports().get(0), other.transport());
        assertEquals(core.transports().get(0).advertisedPort(), core.internalTransport().advertisedPort(),
                "the internal transport wears the address of the first listening point");
    }

    @Test
    void aRequestSentToItselfRunsTheWholePathAndRoutesOfTwoHopsArePoppedOneAtATime() throws Exception {
        int p = port();
        String text = SipBuilder.request("OPTIONS", "sip:bob@example.com").via("UDP", "127.0.0.1:" + p, SipCore.branch(null))
                .route("<sip:127.0.0.1:" + p + ";lr;ol=a>, <sip:127.0.0.1:" + p + ";transport=tcp;lr;ol=a>",
                        "<sip:127.0.0.1:" + p + ";lr;ol=b>, <sip:elsewhere.example.com;lr>")
                .from("<sip:alice@example.com>;tag=a1").callId("internal-1@test").build();
        BlockingQueue<SIPResponse> responses = new ArrayBlockingQueue<>(10);
        Hop hop = core.resolve(uri("sip:127.0.0.1:" + p + ";lr"));
        core.transactions().sendRequest(parse(text), hop, new ClientTransactionListener() {
            @Override
            public void onResponse(ClientTransaction tx, SIPResponse response) {
                responses.add(response);
            }

            @Override
            public void onTimeout(ClientTransaction tx) {
            }

            @Override
            public void onTransportError(ClientTransaction tx, IOException error) {
            }
        });
        ServerTransaction st = received.poll(5, TimeUnit.SECONDS);
        assertNotNull(st, "the request came back in through the core");
        assertSame(core.internalTransport(), st.transport());
        Object[] seen = arrived.poll(5, TimeUnit.SECONDS);
        assertNotNull(seen);
        SipURI popped = (SipURI) ((RouteHeader) seen[0]).getAddress().getURI();
        assertEquals("a", popped.getParameter("ol"), "both entries of hop a were popped, not b's");
        assertEquals("tcp", popped.getTransportParam());
        RouteHeader top = (RouteHeader) ((SIPRequest) seen[1]).getRouteHeaders().getFirst();
        assertEquals("b", ((SipURI) top.getAddress().getURI()).getParameter("ol"));
        SIPResponse r = responses.poll(5, TimeUnit.SECONDS);
        assertNotNull(r, "the response came back to the client transaction without a socket");
        assertEquals(200, r.getStatusCode());
    }
}
