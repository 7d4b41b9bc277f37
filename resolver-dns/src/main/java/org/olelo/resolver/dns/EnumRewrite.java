package org.olelo.resolver.dns;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.xbill.DNS.NAPTRRecord;

/**
 * ENUM (RFC 6116) for SIP: the NAPTR records of a number's domain whose service is
 * {@code E2U+sip} and whose flag is {@code u} (terminal), by order and preference, each regular
 * expression ({@code !^.*$!sip:info@example.com!}, RFC 3402 §3.2) applied to the number written as
 * {@code +} and its digits. Non-terminal records (a replacement domain to look up again) are not
 * followed. A record whose expression is malformed is skipped.
 *
 * <p>Threads: pure functions, any thread.
 */
final class EnumRewrite {

    private EnumRewrite() {
    }

    /** The digits of a number (visual separators and the {@code +} dropped). */
    static String digits(String number) {
        StringBuilder sb = new StringBuilder(number.length());
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c >= '0' && c <= '9') {
                sb.append(c);
            } else if (c != '+' && c != '-' && c != '.' && c != '(' && c != ')' && c != ' ') {
                throw new IllegalArgumentException("not a telephone number");
            }
        }
        if (sb.isEmpty()) {
            throw new IllegalArgumentException("not a telephone number");
        }
        return sb.toString();
    }

    /** RFC 6116 §2.4: the digits reversed, dot separated, then the suffix. */
    static String domain(String number, String suffix) {
        String d = digits(number);
        StringBuilder sb = new StringBuilder(d.length() * 2 + suffix.length());
        for (int i = d.length() - 1; i >= 0; i--) {
            sb.append(d.charAt(i)).append('.');
        }
        return sb.append(suffix).toString();
    }

    /** The SIP URIs the records give the number, in order and preference. */
    static List<String> uris(String number, List<NAPTRRecord> records) {
        String aus = "+" + digits(number);
        List<NAPTRRecord> sip = new ArrayList<>();
        for (NAPTRRecord n : records) {
            String service = n.getService().toLowerCase(Locale.ROOT);
            if (n.getFlags().equalsIgnoreCase("u") && (service.equals("e2u+sip") || service.equals("sip+e2u"))) {
                sip.add(n);
            }
        }
        sip.sort(Comparator.comparingInt(NAPTRRecord::getOrder).thenComparingInt(NAPTRRecord::getPreference));
        List<String> out = new ArrayList<>();
        for (NAPTRRecord n : sip) {
            String u = apply(unescape(n.getRegexp()), aus);
            if (u != null && (u.startsWith("sip:") || u.startsWith("sips:"))) {
                out.add(u);
            }
        }
        return out;
    }

    /**
     * The field as it is on the wire: dnsjava gives character strings in presentation form, with
     * {@code \\} and {@code \"} escaped and other bytes as {@code \DDD}.
     */
    static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 3 < s.length() && Character.isDigit(s.charAt(i + 1))
                    && Character.isDigit(s.charAt(i + 2)) && Character.isDigit(s.charAt(i + 3))) {
                sb.append((char) Integer.parseInt(s.substring(i + 1, i + 4)));
                i += 3;
            } else if (c == '\\' && i + 1 < s.length()) {
                sb.append(s.charAt(++i));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Applies one {@code <delim>ere<delim>repl<delim>[i]} expression, or null when it does not match or is malformed. */
    static String apply(String expression, String aus) {
        if (expression == null || expression.length() < 3) {
            return null;
        }
        char delim = expression.charAt(0);
        int second = expression.indexOf(delim, 1);
        int third = second < 0 ? -1 : expression.indexOf(delim, second + 1);
        if (second < 0 || third < 0) {
            return null;
        }
        String ere = expression.substring(1, second);
        String repl = expression.substring(second + 1, third);
        boolean caseless = expression.substring(third + 1).equals("i");
        try {
            Matcher m = Pattern.compile(ere, caseless ? Pattern.CASE_INSENSITIVE : 0).matcher(aus);
            if (!m.find()) {
                return null;
            }
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < repl.length(); i++) {
                char c = repl.charAt(i);
                if (c == '\\' && i + 1 < repl.length()) {
                    char n = repl.charAt(++i);
                    if (n >= '0' && n <= '9') {
                        int g = n - '0';
                        if (g > m.groupCount()) {
                            return null;
                        }
                        String v = m.group(g);
                        sb.append(v == null ? "" : v);
                    } else {
                        sb.append(n);
                    }
                } else {
                    sb.append(c);
                }
            }
            // RFC 3402: the replacement takes the place of the matched part only
            return aus.substring(0, m.start()) + sb + aus.substring(m.end());
        } catch (PatternSyntaxException e) {
            return null;
        }
    }
}
