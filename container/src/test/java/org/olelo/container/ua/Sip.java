package org.olelo.container.ua;

import static org.olelo.core.testkit.SipText.header;

import java.util.concurrent.atomic.AtomicInteger;
import org.olelo.core.testkit.UdpPeer;

/** Raw SIP text for user-agent tests: requests from a UDP peer and answers to requests it got. */
final class Sip {

    private static final AtomicInteger N = new AtomicInteger();

    private Sip() {
    }

    /** A unique token. */
    static int next() {
        return N.incrementAndGet();
    }

    /** A request outside or inside a dialog from {@code p}. */
    static String request(UdpPeer p, String method, String ruri, String from, String to, String callId, int cseq,
                          String extra, String body) {
        int port = p.address().getPort();
        String b = body == null ? "" : body;
        return method + " " + ruri + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + port + ";branch=z9hG4bK-t" + next() + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: " + from + "\r\n"
                + "To: " + to + "\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + " " + method + "\r\n"
                + "Contact: <sip:peer@127.0.0.1:" + port + ">\r\n"
                + (extra == null ? "" : extra)
                + (b.isEmpty() ? "" : "Content-Type: application/sdp\r\n")
                + "Content-Length: " + b.length() + "\r\n\r\n" + b;
    }

    /** A response to {@code req} as a user agent sends it (with a Contact for 1xx/2xx). */
    static String answer(String req, int status, String reason, String toTag, UdpPeer p, String extra, String body) {
        StringBuilder sb = new StringBuilder("SIP/2.0 ").append(status).append(' ').append(reason).append("\r\n");
        for (String v : org.olelo.core.testkit.SipText.headers(req, "Via")) {
            sb.append("Via: ").append(v).append("\r\n");
        }
        for (String rr : org.olelo.core.testkit.SipText.headers(req, "Record-Route")) {
            sb.append("Record-Route: ").append(rr).append("\r\n");
        }
        sb.append("From: ").append(header(req, "From")).append("\r\n");
        String to = header(req, "To");
        if (toTag != null && !to.contains("tag=")) {
            to = to + ";tag=" + toTag;
        }
        sb.append("To: ").append(to).append("\r\n");
        sb.append("Call-ID: ").append(header(req, "Call-ID")).append("\r\n");
        sb.append("CSeq: ").append(header(req, "CSeq")).append("\r\n");
        if (status > 100 && status < 300) {
            sb.append("Contact: <sip:peer@127.0.0.1:").append(p.address().getPort()).append(">\r\n");
        }
        sb.append(extra == null ? "" : extra);
        String b = body == null ? "" : body;
        if (!b.isEmpty()) {
            sb.append("Content-Type: application/sdp\r\n");
        }
        sb.append("Content-Length: ").append(b.length()).append("\r\n\r\n").append(b);
        return sb.toString();
    }

    /** The tag parameter of a From or To value. */
    static String tag(String headerValue) {
        int i = headerValue.indexOf("tag=");
        if (i < 0) {
            return null;
        }
        String t = headerValue.substring(i + 4);
        int end = t.indexOf(';');
        return (end < 0 ? t : t.substring(0, end)).trim();
    }

    /** Receives messages until one that is not a 100 Trying arrives, or null. */
    static String next(UdpPeer p, long timeout) throws java.io.IOException {
        long end = System.currentTimeMillis() + timeout;
        while (System.currentTimeMillis() < end) {
            String m = p.receive(Math.max(1, end - System.currentTimeMillis()));
            if (m == null) {
                return null;
            }
            if (!m.startsWith("SIP/2.0 100 ")) {
                return m;
            }
        }
        return null;
    }
}
