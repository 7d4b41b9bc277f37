package org.olelo.core.message;

import gov.nist.javax.sip.header.SIPHeader;
import gov.nist.javax.sip.header.ContentLength;
import gov.nist.javax.sip.header.RecordRouteList;
import gov.nist.javax.sip.header.RouteList;
import gov.nist.javax.sip.header.SIPHeaderList;
import gov.nist.javax.sip.header.ViaList;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;

/**
 * Writes a JAIN-SIP message to wire bytes exactly as it stands: start line, headers in order,
 * Content-Length computed from the body, the body bytes untouched (binary bodies survive). Via,
 * Route and Record-Route values go one per line, which every peer reads.
 * Unlike JAIN-SIP's own encoder it never rewrites the top Via.
 */
public final class MessageEncoder {

    private MessageEncoder() {
    }

    /**
     * Encodes the message, its header names in the {@link HeaderNameForm} set on it, if any;
     * thread-safe as long as no other thread modifies the message.
     */
    public static byte[] encode(SIPMessage m) {
        HeaderNameForm form = HeaderNameForm.of(m);
        StringBuilder sb = new StringBuilder(768);
        if (m instanceof SIPRequest r) {
            r.getRequestLine().encode(sb);
        } else {
            ((SIPResponse) m).getStatusLine().encode(sb);
        }
        for (Iterator<SIPHeader> it = m.getHeaders(); it.hasNext(); ) {
            SIPHeader h = it.next();
            if (h instanceof ContentLength) {
                continue;
            }
            if (h instanceof ViaList || h instanceof RouteList || h instanceof RecordRouteList) {
                for (Object e : (SIPHeaderList<?>) h) {
                    encode((SIPHeader) e, form, sb);
                }
            } else {
                encode(h, form, sb);
            }
        }
        byte[] body = m.getRawContent();
        int len = body == null ? 0 : body.length;
        sb.append(form == HeaderNameForm.COMPACT ? "l: " : "Content-Length: ").append(len).append("\r\n\r\n");
        byte[] head = sb.toString().getBytes(StandardCharsets.UTF_8);
        if (len == 0) {
            return head;
        }
        byte[] out = new byte[head.length + len];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(body, 0, out, head.length, len);
        return out;
    }

    private static void encode(SIPHeader h, HeaderNameForm form, StringBuilder sb) {
        if (form == null) {
            h.encode(sb);
        } else {
            form.encode(h, sb);
        }
    }
}
