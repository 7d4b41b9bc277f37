package org.olelo.apps.b2bua;

import jakarta.servlet.sip.SipServletMessage;
import jakarta.servlet.sip.SipServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * What crosses from one leg of a call to the other besides the method or status: the body, and a
 * few end-to-end headers of responses. Everything that describes where a message came from (Via,
 * Contact, Record-Route, Route, Call-ID, tags, CSeq) stays on its own leg: the container builds
 * those afresh for each leg.
 */
final class Relay {

    /**
     * Response headers that carry meaning for the far user agent and say nothing about the path
     * (Contact is added for redirections, where it is the answer itself).
     */
    private static final List<String> RESPONSE_HEADERS = List.of("Reason", "Warning", "Retry-After",
            "Unsupported", "Allow", "Accept", "Min-SE");

    private Relay() {
    }

    /** Copies the body and its Content-Type, if {@code from} has a body. */
    static void content(SipServletMessage from, SipServletMessage to) throws IOException {
        byte[] body = from.getRawContent();
        if (body != null && body.length > 0) {
            to.setContent(body, from.getContentType());
        }
    }

    /** Copies the body and the end-to-end headers of a response; for 3xx and 485 also Contact. */
    static void response(SipServletResponse from, SipServletResponse to) throws IOException {
        for (String name : RESPONSE_HEADERS) {
            copy(from, to, name);
        }
        int status = from.getStatus();
        if (status / 100 == 3 || status == 485) {
            copy(from, to, "Contact");
        }
        content(from, to);
    }

    private static void copy(SipServletMessage from, SipServletMessage to, String name) {
        var values = from.getHeaders(name);
        while (values.hasNext()) {
            to.addHeader(name, values.next());
        }
    }
}
