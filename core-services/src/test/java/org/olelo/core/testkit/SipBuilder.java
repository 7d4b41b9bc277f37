package org.olelo.core.testkit;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes one SIP request or response as raw text, the way a test peer sends it. What a test does
 * not set gets a working default: a unique branch, From tag and Call-ID, {@code CSeq: 1 <method>},
 * {@code Max-Forwards: 70} and a To of the Request-URI; the Content-Length is always the body's
 * length in bytes. Header order: Via, Record-Route, Route, Max-Forwards, From, To, Call-ID, CSeq,
 * Contact, the other headers as added, Content-Type, Content-Length.
 *
 * <pre>{@code
 * caller.send(SipBuilder.request("INVITE", "sip:bob@127.0.0.1").via(caller).contact("alice", caller)
 *         .header("Supported", "100rel").body("application/sdp", "v=0\r\n"));
 * callee.send(SipBuilder.response(invite, 180, "Ringing").toTag("b1"));
 * }</pre>
 *
 * Not thread-safe: one builder per message; the counter behind the defaults is shared.
 */
public final class SipBuilder {

    private static final AtomicInteger N = new AtomicInteger();

    private final String startLine;
    private final String method;
    private final List<String> vias = new ArrayList<>();
    private final List<String> recordRoutes = new ArrayList<>();
    private final List<String> routes = new ArrayList<>();
    private final List<String[]> others = new ArrayList<>();
    private final StringBuilder raw = new StringBuilder();
    private String maxForwards;
    private String from;
    private String to;
    private String callId;
    private String cseq;
    private String contact;
    private String contentType;
    private String body = "";

    private SipBuilder(String startLine, String method) {
        this.startLine = startLine;
        this.method = method;
    }

    /** @return a fresh number, for branches, tags and Call-IDs a test writes itself */
    public static int next() {
        return N.incrementAndGet();
    }

    /** A request with defaults for everything but the Via (see {@link #via}). */
    public static SipBuilder request(String method, String requestUri) {
        SipBuilder b = new SipBuilder(method + " " + requestUri + " SIP/2.0", method);
        int n = next();
        b.maxForwards = "70";
        b.from = "<sip:test@127.0.0.1>;tag=t" + n;
        b.to = "<" + requestUri + ">";
        b.callId = "t" + n + "@test";
        b.cseq = "1 " + method;
        return b;
    }

    /**
     * A request in the dialog a 2xx (or a reliable 1xx) to the peer's own request set up, as its
     * sender writes it: the remote Contact as Request-URI, the Record-Route reversed as Route, From,
     * To and Call-ID of the response; CSeq 1 until set.
     */
    public static SipBuilder inDialog(String method, String response) {
        SipBuilder b = request(method, SipText.contactUri(response));
        List<String> rr = new ArrayList<>(SipText.entries(response, "Record-Route"));
        Collections.reverse(rr);
        b.routes.addAll(rr);
        b.from = SipText.header(response, "From");
        b.to = SipText.header(response, "To");
        b.callId = SipText.header(response, "Call-ID");
        return b;
    }

    /** The CANCEL of an INVITE (RFC 3261 §9.1): its Request-URI, top Via, Route, From, To, Call-ID and CSeq number. */
    public static SipBuilder cancel(String invite) {
        return sameTransaction("CANCEL", invite, SipText.header(invite, "To"));
    }

    /**
     * The ACK of a final response other than 2xx to an INVITE (RFC 3261 §17.1.1.3): as {@link #cancel},
     * with the To of the response.
     */
    public static SipBuilder ack(String invite, String response) {
        return sameTransaction("ACK", invite, SipText.header(response, "To"));
    }

    private static SipBuilder sameTransaction(String method, String invite, String to) {
        String uri = invite.substring(invite.indexOf(' ') + 1, invite.indexOf(" SIP/2.0"));
        SipBuilder b = request(method, uri);
        b.vias.add(SipText.headers(invite, "Via").get(0));
        b.routes.addAll(SipText.headers(invite, "Route"));
        b.from = SipText.header(invite, "From");
        b.to = to;
        b.callId = SipText.header(invite, "Call-ID");
        String n = SipText.header(invite, "CSeq");
        b.cseq = n.substring(0, n.indexOf(' ')) + " " + method;
        return b;
    }

    /**
     * A response to {@code request} as a user agent writes it: every Via, From, To, Call-ID and
     * CSeq copied, and the Record-Route too for 101 to 299.
     */
    public static SipBuilder response(String request, int status, String reason) {
        SipBuilder b = new SipBuilder("SIP/2.0 " + status + " " + reason, null);
        b.vias.addAll(SipText.headers(request, "Via"));
        if (status > 100 && status < 300) {
            b.recordRoutes.addAll(SipText.headers(request, "Record-Route"));
        }
        b.from = SipText.header(request, "From");
        b.to = SipText.header(request, "To");
        b.callId = SipText.header(request, "Call-ID");
        b.cseq = SipText.header(request, "CSeq");
        return b;
    }

    /** A response written from nothing (a stray one): every header is the test's to set. */
    public static SipBuilder response(int status, String reason) {
        return new SipBuilder("SIP/2.0 " + status + " " + reason, null);
    }

    /** The Via of a peer: its transport, address and port, a unique branch, and {@code rport}. */
    public SipBuilder via(SipPeer peer) {
        return via(peer.transport(), hostPort(peer.address()), "z9hG4bK-t" + next());
    }

    /** A Via with its transport ({@code UDP}, {@code TCP}), {@code host:port} and branch, with {@code rport}. */
    public SipBuilder via(String transport, String hostPort, String branch) {
        return viaValue("SIP/2.0/" + transport + " " + hostPort + ";branch=" + branch + ";rport");
    }

    /** A Via value as given; adds below those already set. */
    public SipBuilder viaValue(String value) {
        vias.add(value);
        return this;
    }

    /** Replaces the branch of the top Via. */
    public SipBuilder branch(String branch) {
        String v = vias.get(0);
        vias.set(0, v.replaceFirst(";branch=[^;]*", ";branch=" + branch));
        return this;
    }

    /** The From address; a unique tag is added when it has none. */
    public SipBuilder from(String address) {
        from = address.toLowerCase(Locale.ROOT).contains("tag=") ? address : address + ";tag=t" + next();
        return this;
    }

    /** The From value exactly as given (no tag added). */
    public SipBuilder fromValue(String value) {
        from = value;
        return this;
    }

    /** The To value. */
    public SipBuilder to(String value) {
        to = value;
        return this;
    }

    /** Adds {@code ;tag=} to the To value unless it has a tag already, or {@code tag} is null. */
    public SipBuilder toTag(String tag) {
        if (tag != null && !to.toLowerCase(Locale.ROOT).contains("tag=")) {
            to = to + ";tag=" + tag;
        }
        return this;
    }

    /** The Call-ID. */
    public SipBuilder callId(String value) {
        callId = value;
        return this;
    }

    /** The CSeq number, with the request's method. */
    public SipBuilder cseq(long number) {
        cseq = number + " " + method;
        return this;
    }

    /** The CSeq value as given, e.g. {@code 1 INVITE} on a request whose method differs on purpose. */
    public SipBuilder cseqValue(String value) {
        cseq = value;
        return this;
    }

    /** The Max-Forwards value; null leaves the header out. */
    public SipBuilder maxForwards(Integer value) {
        maxForwards = value == null ? null : value.toString();
        return this;
    }

    /** The Contact value as given (an address or {@code *}). */
    public SipBuilder contact(String value) {
        contact = value;
        return this;
    }

    /** The Contact of a peer: {@code <sip:user@host:port>}, with {@code ;transport=tcp} over TCP. */
    public SipBuilder contact(String user, SipPeer peer) {
        return contact("<" + uri(user, peer) + ">");
    }

    /** Adds Route headers, in order. */
    public SipBuilder route(String... values) {
        routes.addAll(List.of(values));
        return this;
    }

    /** Adds Record-Route headers, in order. */
    public SipBuilder recordRoute(String... values) {
        recordRoutes.addAll(List.of(values));
        return this;
    }

    /** Adds a header (after the ones this class orders itself). */
    public SipBuilder header(String name, String value) {
        others.add(new String[] {name, value});
        return this;
    }

    /** Adds header lines as written, each ending in CRLF; null adds nothing. */
    public SipBuilder lines(String headerLines) {
        if (headerLines != null) {
            raw.append(headerLines);
        }
        return this;
    }

    /** Leaves out a header this class writes by default or copied (From, To, Call-ID, CSeq, Max-Forwards, Via, Contact). */
    public SipBuilder without(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "from" -> from = null;
            case "to" -> to = null;
            case "call-id" -> callId = null;
            case "cseq" -> cseq = null;
            case "max-forwards" -> maxForwards = null;
            case "via" -> vias.clear();
            case "contact" -> contact = null;
            case "record-route" -> recordRoutes.clear();
            case "route" -> routes.clear();
            default -> others.removeIf(h -> h[0].equalsIgnoreCase(name));
        }
        return this;
    }

    /** The body and its Content-Type; an empty body writes no Content-Type. */
    public SipBuilder body(String type, String content) {
        contentType = content == null || content.isEmpty() ? null : type;
        body = content == null ? "" : content;
        return this;
    }

    /** A request's first Via is required: without one the message cannot be answered. */
    public String build() {
        if (method != null && vias.isEmpty()) {
            throw new IllegalStateException("a request needs a Via: call via(peer) or via(transport, host:port, branch)");
        }
        StringBuilder sb = new StringBuilder(startLine).append("\r\n");
        vias.forEach(v -> line(sb, "Via", v));
        recordRoutes.forEach(v -> line(sb, "Record-Route", v));
        routes.forEach(v -> line(sb, "Route", v));
        line(sb, "Max-Forwards", method == null ? null : maxForwards);
        line(sb, "From", from);
        line(sb, "To", to);
        line(sb, "Call-ID", callId);
        line(sb, "CSeq", cseq);
        line(sb, "Contact", contact);
        others.forEach(h -> line(sb, h[0], h[1]));
        sb.append(raw);
        line(sb, "Content-Type", contentType);
        line(sb, "Content-Length", Integer.toString(body.getBytes(StandardCharsets.UTF_8).length));
        return sb.append("\r\n").append(body).toString();
    }

    /** @return {@link #build()} as UTF-8 bytes */
    public byte[] bytes() {
        return build().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return build();
    }

    private static void line(StringBuilder sb, String name, String value) {
        if (value != null) {
            sb.append(name).append(": ").append(value).append("\r\n");
        }
    }

    /** {@code host:port} of an address, IPv6 in brackets. */
    public static String hostPort(InetSocketAddress a) {
        String host = a.getAddress().getHostAddress();
        return (a.getAddress() instanceof Inet6Address ? "[" + host + "]" : host) + ":" + a.getPort();
    }

    /** The SIP URI of a peer ({@code user} may be null), with {@code ;transport=tcp} when it speaks TCP. */
    public static String uri(String user, SipPeer peer) {
        return "sip:" + (user == null ? "" : user + "@") + hostPort(peer.address())
                + (peer.transport().equalsIgnoreCase("TCP") ? ";transport=tcp" : "");
    }
}
