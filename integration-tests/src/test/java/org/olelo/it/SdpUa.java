package org.olelo.it;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A SIP user agent written by hand over UDP on 127.0.0.1, for tests that must read the SDP each
 * party receives: it sends the messages the test builds and waits for the one the test expects,
 * skipping others (100 Trying, retransmissions). Used from the test thread only.
 */
final class SdpUa implements AutoCloseable {

    private static final Map<String, String> COMPACT = Map.of("v", "via", "f", "from", "t", "to", "i", "call-id",
            "m", "contact", "c", "content-type", "l", "content-length");

    private final DatagramSocket socket;
    final String user;
    final List<Message> seen = Collections.synchronizedList(new ArrayList<>());

    SdpUa(String user) throws IOException {
        this(user, 0);
    }

    /** On {@code port} of 127.0.0.1 (0: any free one). */
    SdpUa(String user, int port) throws IOException {
        this.user = user;
        socket = new DatagramSocket(port, InetAddress.getLoopbackAddress());
    }

    int port() {
        return socket.getLocalPort();
    }

    String contact() {
        return "<sip:" + user + "@127.0.0.1:" + port() + ">";
    }

    void send(String message, int port) throws IOException {
        byte[] b = message.getBytes(StandardCharsets.UTF_8);
        socket.send(new DatagramPacket(b, b.length, InetAddress.getLoopbackAddress(), port));
    }

    /** The first message received from now on that {@code wanted} accepts. */
    Message await(Predicate<Message> wanted, Duration limit) throws IOException {
        long deadline = System.nanoTime() + limit.toNanos();
        byte[] buf = new byte[65_535];
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                throw new AssertionError(user + ": no expected message within " + limit + "; received: " + seen);
            }
            socket.setSoTimeout((int) Math.max(1, left));
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
            } catch (SocketTimeoutException e) {
                continue;
            }
            Message m = Message.parse(new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8));
            seen.add(m);
            if (wanted.test(m)) {
                return m;
            }
        }
    }

    /** Everything received within {@code time} (also kept in {@link #seen}). */
    List<Message> drain(Duration time) throws IOException {
        int before = seen.size();
        try {
            await(m -> false, time);
        } catch (AssertionError expected) {
            // the time is up
        }
        return List.copyOf(seen.subList(before, seen.size()));
    }

    /** A response with this status to a request of this method. */
    static Predicate<Message> response(int status, String method) {
        return m -> m.status() == status && m.cseqMethod().equals(method);
    }

    /** A request of this method. */
    static Predicate<Message> request(String method) {
        return m -> method.equals(m.method());
    }

    static String invite(String requestUri, SdpUa from, String fromTag, String callId, String sdp) {
        return "INVITE " + requestUri + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + from.port() + ";branch=z9hG4bK" + System.nanoTime() + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:" + from.user + "@127.0.0.1>;tag=" + fromTag + "\r\n"
                + "To: <" + requestUri + ">\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 INVITE\r\n"
                + "Contact: " + from.contact() + "\r\n"
                + body(sdp);
    }

    /** The CANCEL of {@code invite} (same Request-URI, top Via, From, To, Call-ID and CSeq number). */
    static String cancel(Message invite) {
        return invite.startLine.replace("INVITE", "CANCEL") + "\r\n"
                + "Via: " + invite.headers("via").getFirst() + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: " + invite.header("from") + "\r\n"
                + "To: " + invite.header("to") + "\r\n"
                + "Call-ID: " + invite.header("call-id") + "\r\n"
                + "CSeq: " + invite.header("cseq").split(" ")[0] + " CANCEL\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    /** A response to {@code req}, with {@code toTag} added unless To has one, and an SDP body or none. */
    static String answer(Message req, int status, String reason, String toTag, SdpUa from, String sdp) {
        StringBuilder b = new StringBuilder("SIP/2.0 ").append(status).append(' ').append(reason).append("\r\n");
        for (String v : req.headers("via")) {
            b.append("Via: ").append(v).append("\r\n");
        }
        for (String rr : req.headers("record-route")) {
            b.append("Record-Route: ").append(rr).append("\r\n");
        }
        String to = req.header("to");
        b.append("From: ").append(req.header("from")).append("\r\n")
                .append("To: ").append(to.contains(";tag=") || toTag == null ? to : to + ";tag=" + toTag).append("\r\n")
                .append("Call-ID: ").append(req.header("call-id")).append("\r\n")
                .append("CSeq: ").append(req.header("cseq")).append("\r\n");
        if (status < 300 && (req.method().equals("INVITE") || req.method().equals("UPDATE"))) {
            b.append("Contact: ").append(from.contact()).append("\r\n");
        }
        return b.append(body(sdp)).toString();
    }

    /** ACK or BYE from the caller in the dialog the 2xx {@code ok} set up: route set from its Record-Route, reversed. */
    static String inDialog(String method, int cseq, Message ok, SdpUa from, String sdp) {
        String target = ok.header("contact").replaceAll("^.*<(.*)>.*$", "$1");
        List<String> routes = new ArrayList<>();
        for (String rr : ok.headers("record-route")) {
            routes.addAll(List.of(rr.split(",(?=\\s*<)")));
        }
        Collections.reverse(routes);
        StringBuilder b = new StringBuilder(method + " " + target + " SIP/2.0\r\n")
                .append("Via: SIP/2.0/UDP 127.0.0.1:").append(from.port()).append(";branch=z9hG4bK").append(System.nanoTime())
                .append(";rport\r\n");
        for (String r : routes) {
            b.append("Route: ").append(r.strip()).append("\r\n");
        }
        return b.append("Max-Forwards: 70\r\n")
                .append("From: ").append(ok.header("from")).append("\r\n")
                .append("To: ").append(ok.header("to")).append("\r\n")
                .append("Call-ID: ").append(ok.header("call-id")).append("\r\n")
                .append("CSeq: ").append(cseq).append(' ').append(method).append("\r\n")
                .append(method.equals("UPDATE") ? "Contact: " + from.contact() + "\r\n" : "")
                .append(body(sdp)).toString();
    }

    /**
     * A request from the callee in the dialog that {@code inviteIn} (the INVITE as the callee
     * received it, answered with To tag {@code toTag}) set up: route set from its Record-Route in
     * order, to the caller's Contact.
     */
    static String fromCallee(String method, int cseq, Message inviteIn, String toTag, SdpUa from, String sdp) {
        String target = inviteIn.header("contact").replaceAll("^.*<(.*)>.*$", "$1");
        StringBuilder b = new StringBuilder(method + " " + target + " SIP/2.0\r\n")
                .append("Via: SIP/2.0/UDP 127.0.0.1:").append(from.port()).append(";branch=z9hG4bK").append(System.nanoTime())
                .append(";rport\r\n");
        for (String rr : inviteIn.headers("record-route")) {
            for (String r : rr.split(",(?=\\s*<)")) {
                b.append("Route: ").append(r.strip()).append("\r\n");
            }
        }
        String to = inviteIn.header("to");
        return b.append("Max-Forwards: 70\r\n")
                .append("From: ").append(to.contains(";tag=") ? to : to + ";tag=" + toTag).append("\r\n")
                .append("To: ").append(inviteIn.header("from")).append("\r\n")
                .append("Call-ID: ").append(inviteIn.header("call-id")).append("\r\n")
                .append("CSeq: ").append(cseq).append(' ').append(method).append("\r\n")
                .append(method.equals("INVITE") ? "Contact: " + from.contact() + "\r\n" : "")
                .append(body(sdp)).toString();
    }

    private static String body(String sdp) {
        if (sdp == null) {
            return "Content-Length: 0\r\n\r\n";
        }
        return "Content-Type: application/sdp\r\nContent-Length: " + sdp.getBytes(StandardCharsets.UTF_8).length
                + "\r\n\r\n" + sdp;
    }

    /** An SDP offer or answer for audio at 127.0.0.1:{@code port}, with an origin naming {@code who}. */
    static String sdp(String who, String address, int port) {
        return "v=0\r\no=" + who + " 1 1 IN IP4 " + address + "\r\ns=-\r\nc=IN IP4 " + address + "\r\nt=0 0\r\n"
                + "m=audio " + port + " RTP/AVP 0 8\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\na=sendrecv\r\n";
    }

    @Override
    public void close() {
        socket.close();
    }

    /** A received message: start line, headers in order (names in lower case, compact forms expanded), body. */
    record Message(String startLine, List<Map.Entry<String, String>> fields, String body) {

        static Message parse(String text) {
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            String body = end < 0 ? "" : text.substring(end + 4);
            String[] lines = head.split("\r\n");
            List<Map.Entry<String, String>> fields = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    String name = lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT);
                    fields.add(Map.entry(COMPACT.getOrDefault(name, name), lines[i].substring(colon + 1).strip()));
                }
            }
            return new Message(lines[0], fields, body);
        }

        String header(String name) {
            return fields.stream().filter(e -> e.getKey().equals(name)).map(Map.Entry::getValue).findFirst().orElse(null);
        }

        List<String> headers(String name) {
            return fields.stream().filter(e -> e.getKey().equals(name)).map(Map.Entry::getValue).toList();
        }

        int status() {
            return startLine.startsWith("SIP/2.0 ") ? Integer.parseInt(startLine.substring(8, 11)) : -1;
        }

        String method() {
            return startLine.startsWith("SIP/2.0 ") ? null : startLine.substring(0, startLine.indexOf(' '));
        }

        String cseqMethod() {
            String cseq = header("cseq");
            return cseq == null ? "" : cseq.substring(cseq.indexOf(' ') + 1).strip();
        }

        @Override
        public String toString() {
            return startLine;
        }
    }
}
