package org.olelo.core.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Reads raw SIP text in tests: status, method, header values, tags, Contact URI, body, and a UAC's
 * route set from a 2xx. {@link SipBuilder} writes messages; {@link #response} is its shorthand for
 * a user agent's answer.
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

    /** Every entry of an address-list header (Route, Record-Route, Path...), whether on one line or several. */
    public static List<String> entries(String msg, String name) {
        List<String> out = new ArrayList<>();
        for (String line : headers(msg, name)) {
            for (String e : line.split(",\\s*(?=<)")) {
                out.add(e.trim());
            }
        }
        return out;
    }

    /** The first value of a header, or null. */
    public static String header(String msg, String name) {
        List<String> v = headers(msg, name);
        return v.isEmpty() ? null : v.get(0);
    }

    /**
     * A response to a request as a user agent writes it, with a To tag when {@code toTag} is given
     * and {@code extra} header lines (each ending in CRLF, or null); see {@link SipBuilder#response}.
     */
    public static String response(String request, int status, String reason, String toTag, String extra) {
        return SipBuilder.response(request, status, reason).toTag(toTag).lines(extra).build();
    }

    /** The value of the {@code tag} parameter of a From or To value, or null. */
    public static String tag(String headerValue) {
        int i = headerValue.toLowerCase(Locale.ROOT).indexOf(";tag=");
        if (i < 0) {
            return null;
        }
        String t = headerValue.substring(i + 5);
        int end = t.indexOf(';');
        return (end < 0 ? t : t.substring(0, end)).trim();
    }

    /** The body of a message (what follows the blank line). */
    public static String body(String msg) {
        return msg.substring(msg.indexOf("\r\n\r\n") + 4);
    }

    /** The Route headers a UAC sends in the dialog: the 2xx's Record-Route in reverse order. */
    public static String routesFromResponse(String response) {
        List<String> rr = new ArrayList<>(entries(response, "Record-Route"));
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
