package org.olelo.testclient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Responses the test client writes to requests it received (RFC 3261 §8.2.6). */
final class Responses {

    private static final Map<Integer, String> REASONS = Map.ofEntries(Map.entry(100, "Trying"), Map.entry(180, "Ringing"),
            Map.entry(183, "Session Progress"), Map.entry(200, "OK"), Map.entry(202, "Accepted"), Map.entry(301, "Moved Permanently"),
            Map.entry(302, "Moved Temporarily"), Map.entry(400, "Bad Request"), Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"),
            Map.entry(408, "Request Timeout"), Map.entry(480, "Temporarily Unavailable"),
            Map.entry(481, "Call/Transaction Does Not Exist"), Map.entry(486, "Busy Here"), Map.entry(487, "Request Terminated"),
            Map.entry(488, "Not Acceptable Here"), Map.entry(500, "Server Internal Error"), Map.entry(503, "Service Unavailable"),
            Map.entry(603, "Decline"));

    private Responses() {
    }

    /**
     * @param toTag the tag to add to To when it has none (null: none added)
     * @param extra further header fields as {@code Name: value} lines
     */
    static SipMessage of(SipMessage request, int code, String toTag, String contact, String contentType, String body, String... extra) {
        List<String[]> h = new ArrayList<>();
        request.headers("Via").forEach(v -> h.add(new String[] {"Via", v}));
        h.add(new String[] {"From", request.header("From")});
        String to = request.header("To");
        h.add(new String[] {"To", toTag != null && request.toTag() == null && code > 100 ? to + ";tag=" + toTag : to});
        h.add(new String[] {"Call-ID", request.callId()});
        h.add(new String[] {"CSeq", request.header("CSeq")});
        if (code > 100 && code < 300) {
            request.headers("Record-Route").forEach(r -> h.add(new String[] {"Record-Route", r}));
        }
        if (contact != null) {
            h.add(new String[] {"Contact", contact});
        }
        for (String line : extra) {
            int colon = line.indexOf(':');
            h.add(new String[] {line.substring(0, colon).strip(), line.substring(colon + 1).strip()});
        }
        byte[] bytes = new byte[0];
        if (body != null) {
            h.add(new String[] {"Content-Type", contentType});
            bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        return new SipMessage("SIP/2.0 " + code + " " + REASONS.getOrDefault(code, "Response"), h, bytes);
    }
}
