package org.olelo.core.internal.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.nist.javax.sip.message.SIPRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.sip.header.RouteHeader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.olelo.core.CoreConfig;
import org.olelo.core.RequestHandler;
import org.olelo.core.SipCore;
import org.olelo.core.stats.CoreStatistics;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipText;
import org.olelo.core.testkit.TcpPeer;
import org.olelo.core.transaction.ServerTransaction;
import org.olelo.core.transport.ListenAddress;
import org.olelo.core.transport.TcpLimits;
import org.olelo.core.transport.Transport;

/** The TCP listening point's limits: idle and slow connections are closed, and so are those beyond the cap. */
class TcpLimitsTest {

    private SipCore core;
    private final List<Socket> sockets = new ArrayList<>();

    /** Answers OPTIONS with 200. */
    private final RequestHandler handler = new RequestHandler() {
        @Override
        public void onRequest(ServerTransaction st) {
            st.sendResponse(st.createResponse(200, null));
        }

        @Override
        public void onAck(SIPRequest ack, RouteHeader popped, Transport t, InetSocketAddress src) {
        }

        @Override
        public void onCancel(ServerTransaction invite, ServerTransaction cancel) {
        }
    };

    private InetSocketAddress start(TcpLimits limits) throws Exception {
        CoreConfig cfg = CoreConfig.defaults().withListen(List.of(ListenAddress.parse("tcp:127.0.0.1:0"))).withTcp(limits);
        core = new SipCore(cfg, host -> new InetAddress[] {InetAddress.getLoopbackAddress()});
        core.start(handler);
        return core.transports().get(0).localAddress();
    }

    private TcpTransport tcp() {
        return (TcpTransport) core.transports().get(0);
    }

    @AfterEach
    void stop() {
        sockets.forEach(s -> {
            try {
                s.close();
            } catch (IOException ignored) {
                // test cleanup
            }
        });
        if (core != null) {
            core.close();
        }
    }

    private Socket connect(InetSocketAddress server) throws IOException {
        Socket s = new Socket();
        s.connect(server, 2000);
        sockets.add(s);
        return s;
    }

    private void awaitConnections(int n) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (tcp().connectionCount() != n && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(n, tcp().connectionCount(), "connections the server holds");
    }

    /** True when the server closed the connection (end of stream or reset) within the time given. */
    private static boolean closedWithin(Socket s, long millis) throws IOException {
        s.setSoTimeout((int) Math.max(1, millis));
        try {
            InputStream in = s.getInputStream();
            while (true) {
                if (in.read() < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset
        }
    }

    /** Connects and tells whether the server closed or reset the connection at once. */
    private boolean refused(InetSocketAddress server) throws IOException {
        return refused(server, null);
    }

    /** Like {@link #refused(InetSocketAddress)}, from {@code local} (any 127.x.y.z address) when not null. */
    private boolean refused(InetSocketAddress server, String local) throws IOException {
        Socket s;
        try {
            s = local == null ? connect(server) : connectFrom(server, local);
        } catch (IOException e) {
            return true; // reset while the handshake completed: the reset can beat connect() back
        }
        return closedWithin(s, 2000);
    }

    private static String options(int n, int port) {
        return SipBuilder.request("OPTIONS", "sip:probe@127.0.0.1")
                .viaValue("SIP/2.0/TCP 127.0.0.1:" + port + ";branch=z9hG4bK-tcp-limits-" + n).build();
    }

    @Test
    void idleConnectionsAreClosedAfterTheIdleTimeoutAndKeepAlivesKeepOneOpen() throws Exception {
        InetSocketAddress server = start(new TcpLimits(4096, 256, 5, 32));
        long t0 = System.nanoTime();
        List<Socket> idle = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            idle.add(connect(server));
        }
        Socket pinging = connect(server);
        awaitConnections(201);
        InputStream pingIn = pinging.getInputStream();
        pinging.setSoTimeout(2000);
        for (int i = 0; i < 4; i++) { // 8 s of CRLF keep-alives, one every 2 s: each answered with a CRLF pong
            Thread.sleep(2000);
            pinging.getOutputStream().write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertEquals('\r', pingIn.read(), "pong " + i);
            assertEquals('\n', pingIn.read(), "pong " + i);
        }
        for (Socket s : idle) {
            long left = 10_000 - (System.nanoTime() - t0) / 1_000_000;
            assertTrue(closedWithin(s, left), "an idle connection is closed within 10 s");
        }
        assertEquals(1, tcp().connectionCount(), "only the connection with keep-alives is left");
        assertEquals(200, core.statistics().get(CoreStatistics.Event.TCP_IDLE_CLOSED));
        pinging.getOutputStream().write(options(1, pinging.getLocalPort()).getBytes(StandardCharsets.US_ASCII));
        byte[] buf = new byte[2048];
        int n = pingIn.read(buf);
        assertTrue(n > 0 && new String(buf, 0, n, StandardCharsets.US_ASCII).startsWith("SIP/2.0 200"),
                "the kept-alive connection still carries requests");
    }

    @Test
    void aSlowSenderIsClosedByTheMessageTimeout() throws Exception {
        InetSocketAddress server = start(new TcpLimits(4096, 256, 60, 3));
        Socket slow = connect(server);
        awaitConnections(1);
        byte[] request = options(2, slow.getLocalPort()).getBytes(StandardCharsets.US_ASCII);
        int sent = 0;
        boolean closed = false;
        while (sent < request.length && !closed) {
            try {
                slow.getOutputStream().write(request[sent++]); // one header byte a second
            } catch (IOException e) {
                closed = true;
                break;
            }
            closed = closedWithin(slow, 1000);
        }
        assertTrue(closed, "the slow sender was disconnected");
        assertTrue(sent <= 6, "disconnected about 3 s after the first byte, after " + sent + " bytes");
        assertEquals(1, core.statistics().get(CoreStatistics.Event.TCP_MESSAGE_TIMEOUT));
        awaitConnections(0);
    }

    /** A connection from {@code local} (any 127.x.y.z address) to the server. */
    private Socket connectFrom(InetSocketAddress server, String local) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(local, 0));
        s.connect(server, 2000);
        sockets.add(s);
        return s;
    }

    /** Sends an OPTIONS on a raw connection and waits for its 200: the connection has carried a message. */
    private static void prove(Socket s, int n) throws IOException {
        s.getOutputStream().write(options(n, s.getLocalPort()).getBytes(StandardCharsets.US_ASCII));
        s.setSoTimeout(5000);
        byte[] buf = new byte[4096];
        int got = s.getInputStream().read(buf);
        assertTrue(got > 0 && SipText.status(new String(buf, 0, got, StandardCharsets.US_ASCII)) == 200,
                "connection " + n + " carried an OPTIONS and got its 200");
    }

    @Test
    void atTheCapConnectionsThatCarriedNoMessageMakeRoomAndThenNewOnesAreRefused() throws Exception {
        InetSocketAddress server = start(new TcpLimits(5, 256, 300, 32));
        try (TcpPeer first = new TcpPeer(server)) {
            first.send(options(1, first.address().getPort()));
            assertEquals(200, SipText.status(first.receive(5000)), "the first connection carried a message");
            List<Socket> idle = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                idle.add(connect(server));
            }
            awaitConnections(5);
            // at the cap: each new connection closes the oldest idle one, and carries its request
            Socket fresh = connect(server);
            assertTrue(closedWithin(idle.get(0), 2000), "the oldest connection without a message made room");
            prove(fresh, 2);
            assertEquals(1, core.statistics().get(CoreStatistics.Event.TCP_CONNECTION_EVICTED));
            for (int i = 1; i < 4; i++) {
                prove(connect(server), 2 + i); // each takes the place of the next idle one
            }
            awaitConnections(5);
            assertEquals(4, core.statistics().get(CoreStatistics.Event.TCP_CONNECTION_EVICTED));
            // now every open connection has carried a message: a new one is refused
            for (int i = 0; i < 3; i++) {
                assertTrue(refused(server), "connection " + (10 + i) + " is closed at once");
            }
            assertEquals(3, core.statistics().get(CoreStatistics.Event.TCP_CONNECTION_REFUSED));
            first.send(options(20, first.address().getPort()));
            assertEquals(200, SipText.status(first.receive(5000)), "an open connection still carries requests");
        }
    }

    @Test
    void oneAddressCannotTakeMoreThanItsShare() throws Exception {
        InetSocketAddress server = start(new TcpLimits(4096, 3, 300, 32));
        for (int i = 0; i < 3; i++) {
            connectFrom(server, "127.0.0.7");
        }
        awaitConnections(3);
        assertTrue(refused(server, "127.0.0.7"), "the fourth connection from one address is closed at once");
        assertEquals(1, core.statistics().get(CoreStatistics.Event.TCP_CONNECTION_REFUSED));
        prove(connectFrom(server, "127.0.0.8"), 1); // another address is served
        sockets.get(0).close();
        awaitConnections(3);
        prove(connectFrom(server, "127.0.0.7"), 2); // its share is free again once one closes
    }
}
