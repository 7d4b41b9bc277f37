package org.olelo.testclient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A SIP user agent for tests of SIP applications, bound to a free port of 127.0.0.1:
 *
 * <pre>{@code
 * try (SipTestClient alice = SipTestClient.udp().proxy("127.0.0.1:5060");
 *      SipTestClient bob = SipTestClient.udp().proxy("127.0.0.1:5060")) {
 *     bob.register("sip:bob@example.com", "bob", "secret").assertStatus(200);
 *     OutgoingCall call = alice.call("sip:bob@example.com");
 *     IncomingCall incoming = bob.expectCall().ring();
 *     call.expect(180);
 *     incoming.answer("v=0...");
 *     call.expectAnswer();
 *     call.ack();
 *     incoming.expectAck();
 *     call.bye().assertStatus(200);
 *     incoming.expectBye();
 * }
 * }</pre>
 *
 * <p>Every wait has a timeout (5 s unless {@link #timeout(Duration)} says otherwise) and fails with
 * an {@link AssertionError} that lists what was received instead. Requests go to the proxy when
 * one is set, else to the host and port of their Request-URI; responses go back to where the
 * request came from. Retransmissions it receives are answered with the same response and are not
 * handed to the test again; it retransmits its own requests and 2xx responses over UDP,
 * acknowledges non-2xx responses to INVITE, and answers one digest challenge per request with the
 * credentials of {@link #register} or {@link #credentials}.
 *
 * <p>Threads: the test calls it from one thread; one reader thread per socket (plus a timer
 * thread) dispatch what arrives. Closing it closes its sockets and threads.
 */
public final class SipTestClient implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Wire wire;
    private final ScheduledExecutorService timers;
    private final Inbox incoming;
    private final Map<String, ClientTransaction> clientTransactions = new ConcurrentHashMap<>();
    private final Map<String, Dialog> dialogs = new ConcurrentHashMap<>();
    private final Map<String, SipMessage> acks = new ConcurrentHashMap<>();
    private final Map<String, ServerTransaction> serverTransactions = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ServerTransaction> eldest) {
            return size() > 4096;
        }
    };
    private volatile Duration timeout = Duration.ofSeconds(5);
    private volatile InetSocketAddress proxy;
    private volatile String identity;
    private volatile String[] credentials;

    private SipTestClient(boolean tcp) throws IOException {
        InetAddress host = InetAddress.getByName("127.0.0.1");
        wire = tcp ? new TcpWire(host, this::dispatch) : new UdpWire(host, this::dispatch);
        identity = "sip:test@" + SipAddress.format(wire.local());
        incoming = new Inbox("the client at " + SipAddress.format(wire.local()));
        timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sip-test-client-timers-" + wire.local().getPort());
            t.setDaemon(true);
            return t;
        });
    }

    /** @return a client on UDP, on a free port of 127.0.0.1 */
    public static SipTestClient udp() {
        try {
            return new SipTestClient(false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return a client on TCP, listening on a free port of 127.0.0.1 for connections to it */
    public static SipTestClient tcp() {
        try {
            return new SipTestClient(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How long each wait lasts before it fails; 5 s by default. */
    public SipTestClient timeout(Duration t) {
        timeout = t;
        return this;
    }

    /** Sends every request that is not inside a dialog to this {@code host:port} (e.g. the Olelo under test). */
    public SipTestClient proxy(String hostPort) {
        return proxy(SipAddress.hostPort("sip:" + hostPort));
    }

    /** Sends every request that is not inside a dialog to this address. */
    public SipTestClient proxy(InetSocketAddress address) {
        proxy = address;
        return this;
    }

    /** The URI of From in the requests it sends; {@code sip:test@<its address>} until {@link #register} or this sets it. */
    public SipTestClient identity(String uri) {
        identity = uri;
        return this;
    }

    /** The user name and password it answers digest challenges with. */
    public SipTestClient credentials(String user, String password) {
        credentials = new String[] {user, password};
        return this;
    }

    /** @return its address on 127.0.0.1 */
    public InetSocketAddress address() {
        return wire.local();
    }

    /** @return {@code UDP} or {@code TCP} */
    public String transport() {
        return wire.transport();
    }

    /** @return a SIP URI of this client with {@code user}: {@code sip:user@127.0.0.1:port} ({@code ;transport=tcp} over TCP) */
    public String uri(String user) {
        return "sip:" + user + "@" + SipAddress.format(wire.local()) + (isUdp() ? "" : ";transport=tcp");
    }

    /** @return the Contact it puts into its requests and answers */
    public String contact() {
        String user = SipAddress.user(identity);
        return "<" + uri(user == null ? "test" : user) + ">";
    }

    /** A request to write and send; {@link Request#send()} waits for its final response. */
    public Request request(String method, String uri) {
        return new Request(this, method, uri);
    }

    /**
     * Registers this client's contact for {@code aor} for an hour, answering a digest challenge
     * with {@code user} and {@code password}; later requests use {@code aor} as From and the same
     * credentials.
     *
     * @return the final response
     */
    public SipMessage register(String aor, String user, String password) {
        return register(aor, user, password, 3600);
    }

    /** The same with an expiry in seconds ({@code 0} removes this contact). */
    public SipMessage register(String aor, String user, String password, int expires) {
        identity(aor);
        if (user != null) {
            credentials(user, password);
        }
        String at = SipAddress.uri(aor);
        String registrar = at.substring(0, at.indexOf(':') + 1) + at.substring(at.indexOf('@') + 1);
        return request("REGISTER", registrar).header("To", "<" + at + ">").header("Expires", Integer.toString(expires)).send();
    }

    /** Starts a call to {@code uri} with no offer. */
    public OutgoingCall call(String uri) {
        return call(uri, null);
    }

    /** Starts a call to {@code uri} with an SDP offer (null for none). */
    public OutgoingCall call(String uri, String sdp) {
        Request invite = request("INVITE", uri);
        if (sdp != null) {
            invite.body("application/sdp", sdp);
        }
        return new OutgoingCall(this, invite);
    }

    /** Waits for an INVITE outside any dialog; it gets {@code 100 Trying} at once. */
    public IncomingCall expectCall() {
        SipMessage invite = incoming.take(m -> m.method().equals("INVITE") && m.toTag() == null, timeout, "an INVITE");
        return new IncomingCall(this, serverTransaction(invite));
    }

    /** Waits for a request of that method outside any dialog this client knows. */
    public IncomingRequest expectRequest(String method) {
        SipMessage r = incoming.take(m -> m.method().equals(method), timeout, "a " + method);
        return new IncomingRequest(serverTransaction(r));
    }

    /**
     * Waits at most {@code wait} for a request of that method outside any dialog this client knows.
     *
     * @return the request to answer, or null when none came (to check that nothing arrives)
     */
    public IncomingRequest pollRequest(String method, Duration wait) {
        SipMessage r = incoming.poll(m -> m.method().equals(method), wait);
        return r == null ? null : new IncomingRequest(serverTransaction(r));
    }

    /** Sends a MESSAGE with a text/plain body; returns the final response. */
    public SipMessage message(String uri, String text) {
        return request("MESSAGE", uri).body("text/plain;charset=utf-8", text).send();
    }

    /** Sends a SUBSCRIBE for {@code event} with that expiry; NOTIFYs are taken from the subscription. */
    public Subscription subscribe(String uri, String event, int expires) {
        return new Subscription(this, request("SUBSCRIBE", uri).header("Event", event)
                .header("Expires", Integer.toString(expires)));
    }

    /** Sends a PUBLISH of {@code event} with that body; returns the final response. */
    public SipMessage publish(String uri, String event, String contentType, String body, int expires) {
        return request("PUBLISH", uri).header("Event", event).header("Expires", Integer.toString(expires)).body(contentType, body).send();
    }

    @Override
    public void close() {
        wire.close();
        timers.shutdownNow();
    }

    // --- dispatch (reader threads) ---

    private void dispatch(SipMessage m, InetSocketAddress from) {
        if (m.callId() == null || m.header("CSeq") == null || m.branch() == null) {
            return; // not a message of RFC 3261 (its transaction cannot be found): dropped
        }
        if (!m.isRequest()) {
            ClientTransaction t = clientTransactions.get(m.branch() + " " + m.method());
            if (t != null) {
                t.received(m);
            }
            return;
        }
        String branch = String.valueOf(m.branch());
        if (m.method().equals("ACK")) {
            ServerTransaction invite = transaction(branch + " INVITE");
            if (invite != null && invite.hasFinal() && invite.last().status() >= 300) {
                invite.acknowledged();
                return;
            }
            serverTransactionsFor(m).forEach(ServerTransaction::acknowledged);
            deliver(m);
            return;
        }
        ServerTransaction known = transaction(branch + " " + m.method());
        if (known != null) {
            known.retransmitted();
            return;
        }
        ServerTransaction tx = new ServerTransaction(this, m, from);
        synchronized (serverTransactions) {
            serverTransactions.put(branch + " " + m.method(), tx);
        }
        if (m.method().equals("CANCEL")) {
            ServerTransaction invite = transaction(branch + " INVITE");
            tx.respond(Responses.of(m, invite == null ? 481 : 200, token(), null, null, null));
            if (invite != null && !invite.hasFinal()) {
                invite.respond(Responses.of(invite.request, 487, token(), null, null, null));
                deliver(m);
            }
            return;
        }
        if (m.method().equals("INVITE") && m.toTag() == null) {
            tx.respond(Responses.of(m, 100, null, null, null, null));
        } else if (m.method().equals("BYE") || (m.method().equals("NOTIFY") && dialogs.containsKey(m.callId()))) {
            // always 200 (RFC 3261 §15.1.2, RFC 6665 §4.1.3), so that a test blocked in its own bye() is answered
            tx.respond(Responses.of(m, dialogs.containsKey(m.callId()) ? 200 : 481, null, null, null, null));
        }
        deliver(m);
    }

    private java.util.List<ServerTransaction> serverTransactionsFor(SipMessage ack) {
        synchronized (serverTransactions) {
            return serverTransactions.values().stream().filter(t -> t.request.method().equals("INVITE")
                    && t.request.callId().equals(ack.callId()) && t.request.cseq() == ack.cseq()).toList();
        }
    }

    private void deliver(SipMessage m) {
        Dialog d = dialogs.get(m.callId());
        (d != null ? d.inbox : incoming).add(m);
    }

    private ServerTransaction transaction(String key) {
        synchronized (serverTransactions) {
            return serverTransactions.get(key);
        }
    }

    ServerTransaction serverTransaction(SipMessage request) {
        return transaction(request.branch() + " " + request.method());
    }

    // --- for the transactions, dialogs and calls of this package ---

    void register(String key, ClientTransaction t) {
        clientTransactions.put(key, t);
    }

    void dialog(Dialog d) {
        dialogs.put(d.callId, d);
        incoming.moveTo(d.callId, d.inbox);
    }

    void rememberAck(SipMessage response2xx, SipMessage ack) {
        acks.put(response2xx.callId() + " " + response2xx.cseq(), ack);
    }

    /** A 2xx to INVITE came again: the ACK sent for it goes again. */
    void resendAck(SipMessage response2xx) {
        SipMessage ack = acks.get(response2xx.callId() + " " + response2xx.cseq());
        Dialog d = dialogs.get(response2xx.callId());
        if (ack != null && d != null) {
            sendTo(ack, d.routes().isEmpty() ? SipAddress.hostPort(d.remoteTarget()) : SipAddress.hostPort(d.routes().get(0)));
        }
    }

    void sendTo(SipMessage m, InetSocketAddress to) {
        try {
            wire.send(m, to);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot send " + m.startLine() + " to " + to, e);
        }
    }

    boolean isUdp() {
        return wire.transport().equals("UDP");
    }

    ScheduledExecutorService timers() {
        return timers;
    }

    Duration timeout() {
        return timeout;
    }

    InetSocketAddress proxy() {
        return proxy;
    }

    String identity() {
        return identity;
    }

    String[] credentials() {
        return credentials;
    }

    /** @return a random token for tags, branches and Call-IDs */
    static String token() {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
