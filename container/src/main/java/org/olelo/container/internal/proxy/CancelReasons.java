package org.olelo.container.internal.proxy;

import gov.nist.javax.sip.header.SIPHeader;
import gov.nist.javax.sip.header.SIPHeaderList;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.parser.StringMsgParser;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The RFC 3326 {@code Reason} header fields an application gives to {@code Proxy.cancel} or
 * {@code ProxyBranch.cancel} as three parallel arrays (protocol, cause, text), checked once and
 * added to every CANCEL the proxy sends for it. Immutable; used on the application session's
 * executor.
 */
final class CancelReasons {

    /** No Reason header. */
    static final CancelReasons NONE = new CancelReasons(List.of());

    private final List<String> values;

    private CancelReasons(List<String> values) {
        this.values = values;
    }

    /**
     * The reasons of the arrays; all three null means none.
     *
     * @throws IllegalArgumentException when only some arrays are given, their lengths differ, or a
     *                                  protocol is not a token or a text holds a line break
     */
    static CancelReasons of(String[] protocol, int[] cause, String[] text) {
        if (protocol == null && cause == null && text == null) {
            return NONE;
        }
        if (protocol == null || cause == null || text == null) {
            throw new IllegalArgumentException("give all three reason arrays, or none");
        }
        if (protocol.length != cause.length || cause.length != text.length) {
            throw new IllegalArgumentException("the reason arrays differ in length: " + protocol.length + ", "
                    + cause.length + ", " + text.length);
        }
        List<String> out = new ArrayList<>(protocol.length);
        for (int i = 0; i < protocol.length; i++) {
            String v = value(protocol[i], cause[i], text[i]);
            parse(v); // fails now, in the application's call, rather than when a CANCEL is built
            out.add(v);
        }
        return new CancelReasons(List.copyOf(out));
    }

    private static String value(String protocol, int cause, String text) {
        if (protocol == null || protocol.isEmpty() || !protocol.chars().allMatch(CancelReasons::tokenChar)) {
            throw new IllegalArgumentException("not a reason protocol token: " + protocol);
        }
        if (cause < 0) {
            throw new IllegalArgumentException("a reason cause is not negative: " + cause);
        }
        StringBuilder sb = new StringBuilder(protocol).append(" ;cause=").append(cause);
        if (text != null && !text.isBlank()) {
            if (text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("a reason text holds a line break");
            }
            sb.append(" ;text=\"").append(text.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return sb.toString();
    }

    private static boolean tokenChar(int c) {
        return c < 128 && (Character.isLetterOrDigit(c) || "-.!%*_+`'~".indexOf(c) >= 0);
    }

    private static SIPHeader parse(String value) {
        try {
            return StringMsgParser.parseSIPHeader("Reason: " + value + "\r\n");
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a valid Reason: " + value, e);
        }
    }

    /** True when there is no Reason to add. */
    boolean isEmpty() {
        return values.isEmpty();
    }

    /** Adds the Reason header fields to a CANCEL, in the order given. */
    void addTo(SIPRequest cancel) {
        for (String v : values) {
            SIPHeader h = parse(v);
            if (h instanceof SIPHeaderList<?> list) {
                for (Object o : list) {
                    cancel.addHeader((SIPHeader) o);
                }
            } else {
                cancel.addHeader(h);
            }
        }
    }
}
