package org.olelo.container.internal.message;

import gov.nist.javax.sip.header.SIPHeader;
import gov.nist.javax.sip.header.SIPHeaderList;
import gov.nist.javax.sip.parser.StringMsgParser;
import java.text.ParseException;
import java.util.Locale;
import java.util.Set;
import org.olelo.core.message.HeaderNameForm;

/**
 * Header-name knowledge the message classes share: compact forms (RFC 3261 §7.3.3 and later RFCs, the
 * core's {@link HeaderNameForm}),
 * the system headers applications may not change (JSR 359 §5.4.2), and the headers whose values
 * are addresses.
 */
public final class HeaderNames {

    /** Headers the container owns; applications get IllegalArgumentException when they set them. */
    private static final Set<String> SYSTEM = Set.of("call-id", "from", "to", "cseq", "via", "record-route",
            "route", "path", "rseq", "rack", "max-forwards-internal", "content-length");

    private HeaderNames() {
    }

    /**
     * Parses one header from its name and value; one value gives the header itself, not a list of one.
     *
     * @throws IllegalArgumentException when the value does not parse
     */
    public static SIPHeader parse(String name, String value) {
        try {
            SIPHeader h = StringMsgParser.parseSIPHeader(canonical(name) + ": " + value + "\r\n");
            if (h instanceof SIPHeaderList<?> l && l.size() == 1) {
                return (SIPHeader) l.getFirst();
            }
            return h;
        } catch (ParseException e) {
            throw new IllegalArgumentException("bad " + name + " value: " + value + " (" + e.getMessage() + ")", e);
        }
    }

    /** The full name for a compact form, or the name itself. */
    public static String canonical(String name) {
        if (name == null) {
            throw new NullPointerException("header name");
        }
        return HeaderNameForm.fullName(name);
    }

    /** True for headers applications must not modify directly. */
    public static boolean isSystem(String name) {
        return SYSTEM.contains(canonical(name).toLowerCase(Locale.ROOT));
    }
}
