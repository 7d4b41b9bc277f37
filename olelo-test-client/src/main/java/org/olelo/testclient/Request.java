package org.olelo.testclient;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A request being written by a test: {@code client.request("OPTIONS", uri).header("Accept", "application/sdp").send()}.
 * From, To, Call-ID, CSeq, Via, Max-Forwards and (for INVITE, SUBSCRIBE, REGISTER, REFER) Contact
 * are filled in; anything set here is added or replaces them. Test thread only.
 */
public final class Request {

    private final SipTestClient client;
    private final String method;
    private final String uri;
    private String from;
    private String to;
    private String callId;
    private long cseq;
    private List<String> routes = List.of();
    private InetSocketAddress destination;
    private final List<String[]> headers = new ArrayList<>();
    private String contentType;
    private byte[] body = new byte[0];
    private String branch;

    Request(SipTestClient client, String method, String uri) {
        this.client = client;
        this.method = method;
        this.uri = uri;
        this.from = "<" + client.identity() + ">;tag=" + SipTestClient.token();
        this.to = "<" + SipAddress.uri(uri) + ">";
        this.callId = SipTestClient.token() + "@" + SipAddress.format(client.address());
        this.cseq = 1;
        this.branch = "z9hG4bK" + SipTestClient.token();
    }

    private Request(Request r) {
        this(r.client, r.method, r.uri);
        from = r.from;
        to = r.to;
        callId = r.callId;
        cseq = r.cseq;
        routes = r.routes;
        destination = r.destination;
        r.headers.forEach(h -> headers.add(h.clone()));
        contentType = r.contentType;
        body = r.body;
    }

    /**
     * Adds a header field, or replaces From (a tag is added when it has none), To, Call-ID,
     * Contact, Expires and Event.
     */
    public Request header(String name, String value) {
        switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "from" -> from = SipAddress.param(value, "tag") == null ? value + ";tag=" + SipTestClient.token() : value;
            case "to" -> to = value;
            case "call-id" -> callId = value;
            default -> {
                headers.removeIf(h -> h[0].equalsIgnoreCase(name) && single(name));
                headers.add(new String[] {name, value});
            }
        }
        return this;
    }

    private static boolean single(String name) {
        return List.of("contact", "expires", "event", "authorization", "proxy-authorization").contains(name.toLowerCase(java.util.Locale.ROOT));
    }

    /** Sets the body and its Content-Type. */
    public Request body(String type, String text) {
        contentType = type;
        body = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /** Sends the request and waits for its final response (answering one digest challenge with the client's credentials). */
    public SipMessage send() {
        return start().expectFinal(client.timeout());
    }

    /** Sends the request and waits for its final response for at most {@code timeout}. */
    public SipMessage send(Duration timeout) {
        return start().expectFinal(timeout);
    }

    ClientTransaction start() {
        ClientTransaction t = new ClientTransaction(client, this);
        t.start();
        return t;
    }

    Request inDialog(String callId, long cseq, String from, String to, List<String> routes, InetSocketAddress destination) {
        this.callId = callId;
        this.cseq = cseq;
        this.from = from;
        this.to = to;
        this.routes = routes;
        this.destination = destination;
        return this;
    }

    /** The branch of the Via, for a CANCEL (the branch of the INVITE it cancels). */
    Request branch(String b) {
        branch = b;
        return this;
    }

    /** A copy with the next CSeq and a fresh branch, for the same request with credentials. */
    Request next() {
        Request r = new Request(this);
        r.cseq = cseq + 1;
        return r;
    }

    String method() {
        return method;
    }

    String uri() {
        return uri;
    }

    long cseq() {
        return cseq;
    }

    InetSocketAddress destination() {
        if (destination != null) {
            return destination;
        }
        return client.proxy() != null ? client.proxy() : SipAddress.hostPort(uri);
    }

    SipMessage build() {
        List<String[]> h = new ArrayList<>();
        h.add(new String[] {"Via", "SIP/2.0/" + client.transport() + " " + SipAddress.format(client.address()) + ";branch=" + branch + ";rport"});
        h.add(new String[] {"Max-Forwards", "70"});
        h.add(new String[] {"From", from});
        h.add(new String[] {"To", to});
        h.add(new String[] {"Call-ID", callId});
        h.add(new String[] {"CSeq", cseq + " " + method});
        routes.forEach(r -> h.add(new String[] {"Route", r}));
        if (List.of("INVITE", "SUBSCRIBE", "REGISTER", "REFER", "NOTIFY").contains(method)
                && headers.stream().noneMatch(x -> x[0].equalsIgnoreCase("Contact"))) {
            h.add(new String[] {"Contact", client.contact()});
        }
        headers.forEach(x -> h.add(x.clone()));
        h.add(new String[] {"User-Agent", "Olelo test client"});
        if (contentType != null) {
            h.add(new String[] {"Content-Type", contentType});
        }
        return new SipMessage(method + " " + uri + " SIP/2.0", h, body);
    }

    /** The ACK of a non-2xx final response: same branch, Request-URI, From, Call-ID, CSeq number and Route; the response's To. */
    static SipMessage nonSuccessAck(SipMessage invite, SipMessage response) {
        List<String[]> h = new ArrayList<>();
        h.add(new String[] {"Via", invite.headers("Via").get(0)});
        h.add(new String[] {"Max-Forwards", "70"});
        h.add(new String[] {"From", invite.header("From")});
        h.add(new String[] {"To", response.header("To")});
        h.add(new String[] {"Call-ID", invite.callId()});
        h.add(new String[] {"CSeq", invite.cseq() + " ACK"});
        invite.headers("Route").forEach(r -> h.add(new String[] {"Route", r}));
        return new SipMessage("ACK " + invite.requestUri() + " SIP/2.0", h, new byte[0]);
    }
}
