package org.olelo.core.message.fast;

import gov.nist.javax.sip.header.AddressParametersHeader;
import gov.nist.javax.sip.address.SipUri;
import gov.nist.javax.sip.header.CSeq;
import gov.nist.javax.sip.header.CallID;
import gov.nist.javax.sip.header.Contact;
import gov.nist.javax.sip.header.ContactList;
import gov.nist.javax.sip.header.ContentLength;
import gov.nist.javax.sip.header.ContentType;
import gov.nist.javax.sip.header.From;
import gov.nist.javax.sip.header.MaxForwards;
import gov.nist.javax.sip.header.RecordRoute;
import gov.nist.javax.sip.header.RequestLine;
import gov.nist.javax.sip.header.RecordRouteList;
import gov.nist.javax.sip.header.Route;
import gov.nist.javax.sip.header.RouteList;
import gov.nist.javax.sip.header.SIPHeader;
import gov.nist.javax.sip.header.To;
import gov.nist.javax.sip.message.SIPRequest;
import java.nio.charset.StandardCharsets;
import javax.sip.InvalidArgumentException;

/**
 * The header parsers' fast path: each method takes a header's value ({@code d[s, e)}, without the
 * white space around it) and, for a header whose value has its common simple form, the
 * JAIN-SIP header object JAIN-SIP's parser would make of the line (same class, same fields, same
 * {@code encode()}), built straight from the bytes; otherwise null, and JAIN-SIP parses it. JAIN-SIP
 * stays the grammar: the forms recognised here are a strict subset of what its parsers accept, with
 * nothing to interpret (no quoting, escapes, comments, folding, IPv6 references or unusual
 * parameters). A differential test holds every recognised form to JAIN-SIP's result.
 *
 * <p>Stateless; runs on transport reader threads, never blocks, allocates only the header object.
 */
public final class FastHeaders {

    private FastHeaders() {
    }

    /** Call-ID of RFC 3261 §25.1 made of token characters, with at most one inner {@code @}. */
    public static SIPHeader callId(byte[] d, int s, int e) {
        try {
            return callIdOrThrow(d, s, e);
        } catch (java.text.ParseException | IllegalArgumentException x) {
            return null;
        }
    }

    /** CSeq: a number of at most nine digits, spaces, an alphabetic method. */
    public static SIPHeader cseq(byte[] d, int s, int e) {
        try {
            return cseqOrThrow(d, s, e);
        } catch (InvalidArgumentException | java.text.ParseException | IllegalArgumentException x) {
            return null; // out of the header's range: JAIN-SIP decides and names the fault
        }
    }

    /** Max-Forwards: one to three digits, 255 at most. */
    public static SIPHeader maxForwards(byte[] d, int s, int e) {
        try {
            return maxForwardsOrThrow(d, s, e);
        } catch (InvalidArgumentException | IllegalArgumentException x) {
            return null;
        }
    }

    /** Content-Length: one to nine digits. */
    public static SIPHeader contentLength(byte[] d, int s, int e) {
        try {
            return contentLengthOrThrow(d, s, e);
        } catch (InvalidArgumentException | IllegalArgumentException x) {
            return null;
        }
    }

    /** Via: one value in the simple form {@link FastVia} describes. */
    public static SIPHeader via(byte[] d, int s, int e) {
        try {
            return FastVia.parse(d, s, e);
        } catch (java.text.ParseException | IllegalArgumentException x) {
            return null;
        }
    }

    /** From: the simple name-addr form {@link FastAddress} describes. */
    public static SIPHeader from(byte[] d, int s, int e) {
        return address(new From(), d, s, e);
    }

    /** To: the simple name-addr form {@link FastAddress} describes. */
    public static SIPHeader to(byte[] d, int s, int e) {
        return address(new To(), d, s, e);
    }

    /** Contact: one value in the simple name-addr form {@link FastAddress} describes (not {@code *}). */
    public static SIPHeader contact(byte[] d, int s, int e) {
        Contact c = new Contact();
        if (address(c, d, s, e) == null) {
            return null;
        }
        ContactList list = new ContactList();
        list.add(c);
        return list;
    }

    /** Route: one value in the simple name-addr form {@link FastAddress} describes. */
    public static SIPHeader route(byte[] d, int s, int e) {
        Route r = new Route();
        if (address(r, d, s, e) == null) {
            return null;
        }
        RouteList list = new RouteList();
        list.add(r);
        return list;
    }

    /** Record-Route: one value in the simple name-addr form {@link FastAddress} describes. */
    public static SIPHeader recordRoute(byte[] d, int s, int e) {
        RecordRoute r = new RecordRoute();
        if (address(r, d, s, e) == null) {
            return null;
        }
        RecordRouteList list = new RecordRouteList();
        list.add(r);
        return list;
    }

    private static SIPHeader address(AddressParametersHeader h, byte[] d, int s, int e) {
        try {
            return FastAddress.parse(h, d, s, e) ? h : null;
        } catch (java.text.ParseException | IllegalArgumentException x) {
            return null;
        }
    }

    /**
     * A Request-Line {@code METHOD sip:URI SIP/2.0} (the line without its end), the method in
     * capital letters and the URI in the simple form {@link FastAddress} describes; null otherwise.
     */
    public static RequestLine requestLine(byte[] d, int s, int e) {
        int m = s;
        while (m < e && d[m] >= 'A' && d[m] <= 'Z') {
            m++;
        }
        int u = m + 1;
        if (m == s || e - u < 13 || d[m] != ' ' || d[u] != 's' || d[u + 1] != 'i' || d[u + 2] != 'p' || d[u + 3] != ':') {
            return null;
        }
        int v = e - 8;
        if (d[v] != ' ' || d[v + 1] != 'S' || d[v + 2] != 'I' || d[v + 3] != 'P' || d[v + 4] != '/' || d[v + 5] != '2'
                || d[v + 6] != '.' || d[v + 7] != '0') {
            return null;
        }
        try {
            SipUri uri = FastAddress.uri(d, u + 4, v);
            if (uri == null) {
                return null;
            }
            RequestLine line = new RequestLine();
            line.setMethod(Bytes.ascii(d, s, m)); // as written, not interned: what RequestLineParser gives
            line.setUri(uri);
            line.setSipVersion("SIP/2.0");
            return line;
        } catch (java.text.ParseException | IllegalArgumentException x) {
            return null;
        }
    }

    /** Content-Type: {@code type/subtype}, tokens, without parameters. */
    public static SIPHeader contentType(byte[] d, int s, int e) {
        int k = s;
        while (k < e && Bytes.isToken(d[k])) {
            k++;
        }
        if (k == s || k >= e || d[k] != '/') {
            return null;
        }
        int sub = k + 1;
        int m = sub;
        while (m < e && Bytes.isToken(d[m])) {
            m++;
        }
        if (m == sub || m != e) {
            return null;
        }
        try {
            ContentType h = new ContentType();
            h.setContentType(Bytes.ascii(d, s, k));
            h.setContentSubType(Bytes.ascii(d, sub, e));
            return h;
        } catch (java.text.ParseException | IllegalArgumentException x) {
            return null;
        }
    }

    private static SIPHeader callIdOrThrow(byte[] d, int s, int e) throws java.text.ParseException {
        int at = -1;
        for (int k = s; k < e; k++) {
            byte b = d[k];
            if (b == '@') {
                if (at >= 0) {
                    return null;
                }
                at = k;
            } else if (!Bytes.isToken(b)) {
                return null;
            }
        }
        if (at == s || at == e - 1) {
            return null;
        }
        CallID h = new CallID();
        h.setCallId(new String(d, s, e - s, StandardCharsets.ISO_8859_1));
        return h;
    }

    private static SIPHeader cseqOrThrow(byte[] d, int s, int e) throws InvalidArgumentException, java.text.ParseException {
        int k = s;
        while (k < e && Bytes.isDigit(d[k])) {
            k++;
        }
        if (k == s || k - s > 9 || k == e || d[k] != ' ') {
            return null;
        }
        long seq = Bytes.decimal(d, s, k);
        while (k < e && d[k] == ' ') {
            k++;
        }
        int m = k;
        while (k < e && Bytes.isAlpha(d[k])) {
            k++;
        }
        if (k == m || k != e) {
            return null;
        }
        CSeq h = new CSeq();
        h.setSeqNumber(seq);
        h.setMethod(SIPRequest.getCannonicalName(new String(d, m, e - m, StandardCharsets.ISO_8859_1)).intern());
        return h;
    }

    private static SIPHeader maxForwardsOrThrow(byte[] d, int s, int e) throws InvalidArgumentException {
        if (e - s > 3 || !Bytes.allDigits(d, s, e)) {
            return null;
        }
        MaxForwards h = new MaxForwards();
        h.setMaxForwards((int) Bytes.decimal(d, s, e));
        return h;
    }

    private static SIPHeader contentLengthOrThrow(byte[] d, int s, int e) throws InvalidArgumentException {
        if (e - s > 9 || !Bytes.allDigits(d, s, e)) {
            return null;
        }
        ContentLength h = new ContentLength();
        h.setContentLength((int) Bytes.decimal(d, s, e));
        return h;
    }
}
