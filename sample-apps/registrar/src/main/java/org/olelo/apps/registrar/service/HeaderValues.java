package org.olelo.apps.registrar.service;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strict readers of the header and parameter values a REGISTER carries; a malformed value is a
 * {@link RegistrarException} 400 whose reason names it. Stateless; any thread.
 */
final class HeaderValues {

    /** RFC 3261 §20.19: delta-seconds up to 2^32-1; larger values are taken as that. */
    static final long MAX_DELTA_SECONDS = 4_294_967_295L;

    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern QVALUE = Pattern.compile("(0(?:\\.([0-9]{0,3}))?)|(1(?:\\.0{0,3})?)");

    private HeaderValues() {
    }

    /**
     * @param raw  the text of an Expires header or expires parameter, or null
     * @param what names the value in the reason phrase
     * @return the seconds (saturated at 2^32-1), or -1 when {@code raw} is null
     * @throws RegistrarException 400 when it is not a non-negative decimal number
     */
    static long seconds(String raw, String what) throws RegistrarException {
        if (raw == null) {
            return -1;
        }
        String t = raw.trim();
        if (!DIGITS.matcher(t).matches()) {
            throw new RegistrarException(400, "Malformed " + what + ": '" + shorten(t) + "'");
        }
        if (t.length() > 10) {
            return MAX_DELTA_SECONDS;
        }
        return Math.min(Long.parseLong(t), MAX_DELTA_SECONDS);
    }

    /**
     * @param raw     the q parameter text, or null
     * @param contact the contact, for the reason phrase
     * @return the preference in thousandths, or -1 when absent
     * @throws RegistrarException 400 when it is not a qvalue (0 to 1, at most three decimals)
     */
    static int q(String raw, String contact) throws RegistrarException {
        if (raw == null) {
            return -1;
        }
        Matcher m = QVALUE.matcher(raw.trim());
        if (!m.matches()) {
            throw new RegistrarException(400, "Malformed q parameter '" + shorten(raw) + "' in Contact " + shorten(contact));
        }
        if (m.group(3) != null) {
            return 1000;
        }
        String frac = m.group(2) == null ? "" : m.group(2);
        return frac.isEmpty() ? 0 : Integer.parseInt((frac + "00").substring(0, 3));
    }

    /**
     * @param raw     the reg-id parameter text, or null
     * @param contact the contact, for the reason phrase
     * @return the reg-id (1 to 2^31-1), or 0 when absent
     * @throws RegistrarException 400 when it is not such a number
     */
    static int regId(String raw, String contact) throws RegistrarException {
        if (raw == null) {
            return 0;
        }
        String t = raw.trim();
        if (!DIGITS.matcher(t).matches() || t.length() > 10 || Long.parseLong(t) < 1 || Long.parseLong(t) > Integer.MAX_VALUE) {
            throw new RegistrarException(400, "Malformed reg-id '" + shorten(raw) + "' in Contact " + shorten(contact));
        }
        return Integer.parseInt(t);
    }

    /**
     * @param raw the +sip.instance parameter, or null
     * @return it without surrounding double quotes, or null when absent or empty
     */
    static String instance(String raw) {
        if (raw == null) {
            return null;
        }
        String t = raw.trim();
        if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
            t = t.substring(1, t.length() - 1);
        }
        return t.isEmpty() ? null : t;
    }

    /**
     * @param text any text for a reason phrase
     * @return it cut to 60 characters, without line breaks
     */
    static String shorten(String text) {
        // called for every Contact of every REGISTER (reason phrases are built up front): no regex
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isBlank(c)) {
                if (sb == null) {
                    sb = new StringBuilder(text.length()).append(text, 0, i);
                }
                if (i == 0 || !isBlank(text.charAt(i - 1))) {
                    sb.append(' '); // one space for a run of line breaks and tabs
                }
            } else if (sb != null) {
                sb.append(c);
            }
        }
        String t = sb == null ? text : sb.toString();
        return t.length() <= 60 ? t : t.substring(0, 57) + "...";
    }

    private static boolean isBlank(char c) {
        return c == '\r' || c == '\n' || c == '\t';
    }
}
