package org.olelo.core.internal.message;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Builds a response to a request that could not be parsed, from the raw header lines it carries
 * (RFC 3261 §8.2.6: Via, From, To, Call-ID and CSeq are copied). Used only for rejections decided
 * before a transaction exists; the answer goes back to the source address of the request.
 */
public final class RawReply {

    private RawReply() {
    }

    /**
     * Builds the response bytes, or returns null when the request has no Via line to answer along
     * (then it is dropped). Missing From, To, Call-ID or CSeq lines are left out of the answer.
     */
    public static byte[] build(byte[] request, int status, String reason, String serverTag) {
        String text = new String(request, StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            end = text.indexOf("\n\n");
        }
        if (end < 0) {
            end = text.length();
        }
        String[] lines = text.substring(0, end).split("\r?\n");
        StringBuilder vias = new StringBuilder();
        String from = null;
        String to = null;
        String callId = null;
        String cseq = null;
        String current = null;
        StringBuilder value = new StringBuilder();
        for (int i = 1; i <= lines.length; i++) {
            String line = i < lines.length ? lines[i] : "";
            if (i < lines.length && !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t')) {
                value.append(' ').append(line.trim());
                continue;
            }
            if (current != null) {
                String v = value.toString().trim();
                switch (current) {
                    case "via", "v" -> vias.append("Via: ").append(v).append("\r\n");
                    case "from", "f" -> from = from == null ? v : from;
                    case "to", "t" -> to = to == null ? v : to;
                    case "call-id", "i" -> callId = callId == null ? v : callId;
                    case "cseq" -> cseq = cseq == null ? v : cseq;
                    default -> { }
                }
            }
            current = null;
            int colon = line.indexOf(':');
            if (colon > 0) {
                current = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                value.setLength(0);
                value.append(line.substring(colon + 1));
            }
        }
        if (vias.isEmpty()) {
            return null;
        }
        if (to != null && !to.toLowerCase(Locale.ROOT).matches(".*;\\s*tag\\s*=.*")) {
            to = to + ";tag=" + serverTag;
        }
        StringBuilder out = new StringBuilder(256);
        out.append("SIP/2.0 ").append(status).append(' ').append(reason.replaceAll("[\\r\\n]", " ")).append("\r\n").append(vias);
        line(out, "From", from);
        line(out, "To", to);
        line(out, "Call-ID", callId);
        line(out, "CSeq", cseq);
        out.append("Content-Length: 0\r\n\r\n");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, String name, String value) {
        if (value != null) {
            out.append(name).append(": ").append(value).append("\r\n");
        }
    }
}
