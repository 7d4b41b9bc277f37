package org.olelo.core.message.lazy;

/**
 * The headers the framer recognises by name, full or compact (RFC 3261 §7.3.3), without allocating:
 * the ones SIP processing depends on and that the core checks on receipt. Every other name is
 * {@link #OTHER}.
 *
 * <p>Immutable; any thread.
 */
public enum HeaderId {
    VIA("Via", 'v', true),
    FROM("From", 'f', true),
    TO("To", 't', true),
    CALL_ID("Call-ID", 'i', true),
    CSEQ("CSeq", (char) 0, true),
    MAX_FORWARDS("Max-Forwards", (char) 0, true),
    CONTENT_LENGTH("Content-Length", 'l', true),
    CONTACT("Contact", 'm', true),
    ROUTE("Route", (char) 0, true),
    RECORD_ROUTE("Record-Route", (char) 0, true),
    REQUIRE("Require", (char) 0, true),
    PROXY_REQUIRE("Proxy-Require", (char) 0, true),
    CONTENT_TYPE("Content-Type", 'c', true),
    EXPIRES("Expires", (char) 0, true),
    /** Any other header: parsed only when read. */
    OTHER(null, (char) 0, false);

    private static final HeaderId[] VALUES = values();

    private final String fullName;
    private final char compact;
    private final boolean critical;

    HeaderId(String fullName, char compact, boolean critical) {
        this.fullName = fullName;
        this.compact = compact;
        this.critical = critical;
    }

    static HeaderId byOrdinal(int ordinal) {
        return VALUES[ordinal];
    }

    /** The name as RFC 3261 writes it; null for {@link #OTHER}. */
    public String fullName() {
        return fullName;
    }

    /**
     * True for the headers that {@link org.olelo.core.message.SipParser} rejects a request for when
     * they do not parse: these are parsed on receipt, the others when read.
     */
    public boolean critical() {
        return critical;
    }

    /** The header named by bytes {@code [s, e)} of {@code d}, compared without regard to case. */
    static HeaderId of(byte[] d, int s, int e) {
        int len = e - s;
        if (len == 1) {
            int c = d[s] | 0x20;
            for (HeaderId h : VALUES) {
                if (h.compact == c) {
                    return h;
                }
            }
            return OTHER;
        }
        int first = d[s] | 0x20;
        for (HeaderId h : VALUES) {
            String n = h.fullName;
            if (n != null && n.length() == len && (n.charAt(0) | 0x20) == first && sameIgnoringCase(d, s, n)) {
                return h;
            }
        }
        return OTHER;
    }

    private static boolean sameIgnoringCase(byte[] d, int s, String n) {
        for (int k = 1; k < n.length(); k++) {
            int c = d[s + k];
            int x = n.charAt(k);
            if (c != x && ((c | 0x20) != (x | 0x20) || (x | 0x20) < 'a' || (x | 0x20) > 'z')) {
                return false;
            }
        }
        return true;
    }
}
