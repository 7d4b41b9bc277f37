package org.olelo.container.internal.ua;

import gov.nist.javax.sip.header.SIPHeader;
import gov.nist.javax.sip.message.SIPMessage;
import java.text.ParseException;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Set;
import javax.sip.address.Address;
import javax.sip.header.HeaderAddress;
import org.olelo.container.internal.message.HeaderNames;

/** Small helpers for building user-agent messages from the API's types. */
final class Messages {

    /** Headers a new request never inherits from the request it is made from. */
    private static final Set<String> NOT_COPIED = Set.of("via", "route", "record-route", "path", "contact", "cseq",
            "call-id", "from", "to", "max-forwards", "content-length", "rseq", "rack", "authorization",
            "proxy-authorization");

    private Messages() {
    }

    /** A JAIN-SIP address from an API address or URI string, e.g. {@code "Bob <sip:bob@x>"}. */
    static Address address(String value) {
        SIPHeader h = header("To", value);
        return (Address) ((HeaderAddress) h).getAddress();
    }

    /** Parses one header. */
    static SIPHeader header(String name, String value) {
        return HeaderNames.parse(name, value);
    }

    /** Copies the headers a derived request keeps (everything but the dialog and routing headers). */
    static void copyHeaders(SIPMessage from, SIPMessage to) {
        ListIterator<String> names = from.getHeaderNames();
        while (names.hasNext()) {
            String name = names.next();
            if (NOT_COPIED.contains(name.toLowerCase(Locale.ROOT)) || name.equalsIgnoreCase("Content-Type")) {
                continue;
            }
            ListIterator<?> hs = from.getHeaders(name);
            while (hs.hasNext()) {
                try {
                    to.attachHeader((SIPHeader) ((SIPHeader) hs.next()).clone(), false, false);
                } catch (gov.nist.javax.sip.message.SIPDuplicateHeaderException e) {
                    break; // a single-valued header that is already there
                }
            }
        }
    }

    /** Copies the body and its Content-Type. */
    static void copyBody(SIPMessage from, SIPMessage to) {
        byte[] body = from.getRawContent();
        if (body != null && body.length > 0) {
            try {
                to.setContent(body, (javax.sip.header.ContentTypeHeader) from.getContentTypeHeader().clone());
            } catch (ParseException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** True for methods whose requests and 2xx responses carry a Contact (they set or refresh the target). */
    static boolean refreshesTarget(String method) {
        return switch (method) {
            case "INVITE", "UPDATE", "SUBSCRIBE", "NOTIFY", "REFER" -> true;
            default -> false;
        };
    }

    /** True for methods that create a dialog when sent outside one. */
    static boolean createsDialog(String method) {
        return method.equals("INVITE") || method.equals("SUBSCRIBE") || method.equals("REFER");
    }
}
