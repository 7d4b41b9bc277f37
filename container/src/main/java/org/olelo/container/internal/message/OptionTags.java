package org.olelo.container.internal.message;

import gov.nist.javax.sip.header.RSeq;
import gov.nist.javax.sip.header.SIPHeader;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPResponse;
import java.util.ListIterator;
import java.util.Locale;

/**
 * Option tags (RFC 3261 §19.2) in Supported, Require and similar headers, and what they make of a
 * message: a reliable provisional response (RFC 3262). Pure functions; any thread.
 */
public final class OptionTags {

    private OptionTags() {
    }

    /** True when the message lists {@code tag} (lower case) in one of the headers named {@code header}. */
    public static boolean lists(SIPMessage m, String header, String tag) {
        ListIterator<?> it = m.getHeaders(header);
        while (it != null && it.hasNext()) {
            for (String t : ((SIPHeader) it.next()).getHeaderValue().split(",")) {
                if (t.trim().toLowerCase(Locale.ROOT).equals(tag)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True for a 101-199 response that asks for PRACK (RSeq, and 100rel in Require). */
    public static boolean isReliableProvisional(SIPResponse r) {
        int s = r.getStatusCode();
        return s > 100 && s < 200 && r.getHeader(RSeq.NAME) != null && lists(r, "Require", "100rel");
    }
}
