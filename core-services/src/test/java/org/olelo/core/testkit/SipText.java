package org.olelo.core.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Small helpers for tests that speak raw SIP text: read header values, build responses to received
 * requests as a user agent would (copying Via, From, To, Call-ID, CSeq and Record-Route), and
 * compute a UAC's route set from a 2xx.
 */
public final class SipText {

    private SipText() {
    }

    /** The status code of a response, or -1 for a request. */
    public static int status(String msg) {
        if (msg == null || !msg.startsWith("SIP/2.0 ")) {
            return -1;
        }
        return Integer.parseInt(msg.substring(8, 11));
    }

    /** The method of a request (or the CSeq method of a response). */
    public static String method(String msg) {
        if (msg.startsWith("SIP/2.0 ")) {
            String cseq = header(msg, "CSeq");
            return cseq.substring(cseq.indexOf(' ') + 1).trim();
        }
        return msg.substring(0, msg.indexOf(' '));
    }

    /** Every value of a header, in order (comma-separated values are not split). */
    public static List<String> headers(String msg, String name) {
        List<String> out = new ArrayList<>();
        String head = msg.substring(0, Math.max(0, msg.indexOf("\r\n\r\n")));
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                out.add(line.substring(colon + 1).trim());
            }
        }
        return out;
    }

    /** The first value of a header, or null. */
    public static String header(String msg, String name) {
        List<String> v = headers(msg, name);
        return v.isEmpty() ? null : v.get(0);
    }

    /** A response to a request, with a To tag when {@code toTag} is given. */
    public static String response(String request, int status, String reason, String toTag, String extra) {
        StringBuilder sb = new StringBuilder("SIP/2.0 ").append(status).append(' ').append(reason).append("\r\n");
        for (String v : headers(request, "Via")) {
            sb.append("Via: ").append(v).append("\r\n");
        }
        if (status > 100 && status < 300) {
            for (String rr : headers(request, "Record-Route")) {
                sb.append("Record-Route: ").append(rr).append("\r\n");
            }
        }
        sb.append("From: ").append(header(request, "From")).append("\r\n");
        String to = header(request, "To");
        if (toTag != null && !to.toLowerCase(Locale.ROOT).contains("tag=")) {
            to = to + ";tag=" + toTag;
        }
        sb.append("To: ").append(to).append("\r\n");
        sb.append("Call-ID: ").append(header(request, "Call-ID")).append("\r\n");
        sb.append("CSeq: ").append(header(request, "CSeq")).append("\r\n");
        sb.append(extra == null ? "" : extra);
        sb.append("Content-Length: 0\r\n\r\n");
        return sb.toString();
    }

    /** The Route headers a UAC sends in the dialog: the 2xx's Record-Route in reverse order. */
    public static String routesFromResponse(String response) {
        List<String> rr = new ArrayList<>(headers(response, "Record-Route"));
        Collections.reverse(rr);
        StringBuilder sb = new StringBuilder();
        for (String r : rr) {
            sb.append("Route: ").append(r).append("\r\n");
        }
        return sb.toString();
    }

    /** The URI inside the first Contact of a message. */
    public static String contactUri(String msg) {
        String c = header(msg, "Contact");
        int lt = c.indexOf('<');
        return lt >= 0 ? c.substring(lt + 1, c.indexOf('>')) : c.split(";")[0].trim();
    }
}
