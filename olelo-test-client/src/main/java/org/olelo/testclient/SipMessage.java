package org.olelo.testclient;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One SIP request or response as the test client sees it: the start line, the header fields in
 * their order (compact names expanded, so {@code header("Call-ID")} finds an {@code i:} line) and
 * the body. Immutable once parsed or built; the assertion methods return the message itself so
 * that they chain: {@code client.message(uri, "hi").assertStatus(200).assertHeader("Server", "Olelo")}.
 */
public final class SipMessage {

    private static final Map<String, String> COMPACT = Map.ofEntries(Map.entry("i", "Call-ID"), Map.entry("m", "Contact"),
            Map.entry("f", "From"), Map.entry("t", "To"), Map.entry("v", "Via"), Map.entry("l", "Content-Length"),
            Map.entry("c", "Content-Type"), Map.entry("e", "Content-Encoding"), Map.entry("k", "Supported"),
            Map.entry("s", "Subject"), Map.entry("o", "Event"), Map.entry("u", "Allow-Events"), Map.entry("r", "Refer-To"));

    private static final java.util.Set<String> LISTS = java.util.Set.of("via", "route", "record-route", "contact", "path",
            "service-route", "allow", "supported", "require", "proxy-require", "unsupported", "accept", "accept-encoding",
            "accept-language", "allow-events");

    private final String startLine;
    private final List<String[]> headers;
    private final byte[] body;

    SipMessage(String startLine, List<String[]> headers, byte[] body) {
        this.startLine = startLine;
        this.headers = List.copyOf(headers);
        this.body = body.clone();
    }

    /**
     * Parses one whole message (start line, headers, blank line, body).
     *
     * @throws IllegalArgumentException when the bytes are not a SIP message
     */
    public static SipMessage parse(byte[] bytes, int length) {
        String all = new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
        int end = all.indexOf("\r\n\r\n");
        int sep = 4;
        if (end < 0) {
            end = all.indexOf("\n\n");
            sep = 2;
        }
        if (end < 0) {
            throw new IllegalArgumentException("no end of headers");
        }
        String head = new String(all.substring(0, end).getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        String[] lines = head.split("\r?\n");
        if (lines.length == 0 || !(lines[0].startsWith("SIP/2.0 ") || lines[0].endsWith(" SIP/2.0"))) {
            throw new IllegalArgumentException("not a SIP start line: " + (lines.length == 0 ? "" : lines[0]));
        }
        List<String[]> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if ((line.startsWith(" ") || line.startsWith("\t")) && !headers.isEmpty()) {
                String[] last = headers.get(headers.size() - 1);
                last[1] = last[1] + " " + line.strip();
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("not a header line: " + line);
            }
            headers.add(new String[] {canonical(line.substring(0, colon).strip()), line.substring(colon + 1).strip()});
        }
        byte[] body = java.util.Arrays.copyOfRange(bytes, end + sep, length);
        SipMessage m = new SipMessage(lines[0], headers, new byte[0]);
        String cl = m.header("Content-Length");
        if (cl != null) {
            int n = Integer.parseInt(cl.strip());
            if (n > body.length) {
                throw new IllegalArgumentException("body shorter than Content-Length " + n);
            }
            body = java.util.Arrays.copyOf(body, n);
        }
        return new SipMessage(lines[0], headers, body);
    }

    private static String canonical(String name) {
        String full = COMPACT.get(name.toLowerCase(Locale.ROOT));
        return full != null ? full : name;
    }

    /** @return true for a request, false for a response */
    public boolean isRequest() {
        return !startLine.startsWith("SIP/2.0 ");
    }

    /** @return the request's method, or the method of the response's CSeq */
    public String method() {
        if (isRequest()) {
            return startLine.substring(0, startLine.indexOf(' '));
        }
        String cseq = header("CSeq");
        return cseq == null ? "" : cseq.substring(cseq.indexOf(' ') + 1).strip();
    }

    /** @return the Request-URI of a request */
    public String requestUri() {
        String[] p = startLine.split(" ");
        return isRequest() ? p[1] : null;
    }

    /** @return the status code of a response, or 0 for a request */
    public int status() {
        return isRequest() ? 0 : Integer.parseInt(startLine.substring(8, 11));
    }

    /** @return the reason phrase of a response */
    public String reason() {
        return isRequest() ? "" : startLine.substring(Math.min(12, startLine.length()));
    }

    /** @return the first line, e.g. {@code SIP/2.0 180 Ringing} */
    public String startLine() {
        return startLine;
    }

    /** @return the value of the first header field of that name (case-insensitive, compact form too), or null */
    public String header(String name) {
        String n = canonical(name);
        for (String[] h : headers) {
            if (h[0].equalsIgnoreCase(n)) {
                return h[1];
            }
        }
        return null;
    }

    /**
     * @return every value of that header in order; a line of a list header (Via, Route, Contact,
     *         Allow...) with several comma-separated values is split, other lines (challenges,
     *         Date...) are whole
     */
    public List<String> headers(String name) {
        String n = canonical(name);
        boolean list = LISTS.contains(n.toLowerCase(Locale.ROOT));
        List<String> values = new ArrayList<>();
        for (String[] h : headers) {
            if (h[0].equalsIgnoreCase(n)) {
                if (list) {
                    values.addAll(SipAddress.splitValues(h[1]));
                } else {
                    values.add(h[1]);
                }
            }
        }
        return values;
    }

    /** @return the header fields as name/value pairs, in order */
    public List<Map.Entry<String, String>> headerFields() {
        return headers.stream().map(h -> Map.entry(h[0], h[1])).toList();
    }

    /** @return the body's bytes */
    public byte[] body() {
        return body.clone();
    }

    /** @return the body as UTF-8 text */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** @return the Call-ID */
    public String callId() {
        return header("Call-ID");
    }

    /** @return the number of the CSeq */
    public long cseq() {
        String cseq = header("CSeq");
        return Long.parseLong(cseq.substring(0, cseq.indexOf(' ')).strip());
    }

    /** @return the tag of From, or null */
    public String fromTag() {
        return SipAddress.param(header("From"), "tag");
    }

    /** @return the tag of To, or null */
    public String toTag() {
        return SipAddress.param(header("To"), "tag");
    }

    /** @return the branch of the top Via, or null */
    public String branch() {
        List<String> via = headers("Via");
        return via.isEmpty() ? null : SipAddress.param(via.get(0), "branch");
    }

    /** Fails with the whole message unless it is a response with that status code. */
    public SipMessage assertStatus(int expected) {
        if (status() != expected) {
            throw new AssertionError("expected status " + expected + " but got: " + startLine + "\n" + this);
        }
        return this;
    }

    /** Fails with the whole message unless a header of that name has a value containing {@code text}. */
    public SipMessage assertHeader(String name, String text) {
        if (headers(name).stream().noneMatch(v -> v.contains(text)) && (header(name) == null || !header(name).contains(text))) {
            throw new AssertionError("expected a " + name + " header containing '" + text + "' in:\n" + this);
        }
        return this;
    }

    /** Fails with the whole message if it has a header of that name. */
    public SipMessage assertNoHeader(String name) {
        if (header(name) != null) {
            throw new AssertionError("expected no " + name + " header in:\n" + this);
        }
        return this;
    }

    /** Fails with the whole message unless its body, as UTF-8 text, contains {@code text}. */
    public SipMessage assertBodyContains(String text) {
        if (!bodyText().contains(text)) {
            throw new AssertionError("expected a body containing '" + text + "' in:\n" + this);
        }
        return this;
    }

    /** @return the message as sent on the wire */
    public byte[] toBytes() {
        StringBuilder sb = new StringBuilder(startLine).append("\r\n");
        for (String[] h : headers) {
            if (!h[0].equalsIgnoreCase("Content-Length")) {
                sb.append(h[0]).append(": ").append(h[1]).append("\r\n");
            }
        }
        sb.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        byte[] head = sb.toString().getBytes(StandardCharsets.UTF_8);
        byte[] out = java.util.Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, out, head.length, body.length);
        return out;
    }

    @Override
    public String toString() {
        return new String(toBytes(), StandardCharsets.UTF_8);
    }
}
