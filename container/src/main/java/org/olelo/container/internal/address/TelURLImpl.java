package org.olelo.container.internal.address;

import jakarta.servlet.sip.ServletParseException;
import jakarta.servlet.sip.TelURL;
import java.util.Locale;

/**
 * The container's {@link TelURL} (RFC 3966): a global number written with {@code +}, or a local
 * number qualified by a {@code phone-context} parameter, followed by parameters.
 */
public final class TelURLImpl extends AbstractURI implements TelURL {

    private static final long serialVersionUID = 1L;
    private static final String PHONE_CONTEXT = "phone-context";

    private boolean global;
    private String number;

    private TelURLImpl() {
    }

    /**
     * Parses a {@code tel} URL.
     *
     * @param text the URL text, such as {@code tel:+1-201-555-0123;ext=12}
     * @return the parsed URL
     * @throws ServletParseException if the text is not a valid tel URL
     */
    public static TelURLImpl parse(String text) throws ServletParseException {
        if (text == null) {
            throw new ServletParseException("cannot parse a null tel URL");
        }
        String t = text.trim();
        if (!t.regionMatches(true, 0, "tel:", 0, 4)) {
            throw new ServletParseException("not a tel URL: " + text);
        }
        try {
            TelURLImpl url = new TelURLImpl();
            String rest = t.substring(4);
            int semi = rest.indexOf(';');
            if (semi >= 0) {
                url.params = ParamList.parseUri(rest.substring(semi + 1));
                rest = rest.substring(0, semi);
            }
            url.global = rest.startsWith("+");
            url.number = checkNumber(url.global ? rest.substring(1) : rest, url.global);
            if (url.global && url.params.has(PHONE_CONTEXT)) {
                throw new IllegalArgumentException("a global number takes no phone-context");
            }
            return url;
        } catch (IllegalArgumentException e) {
            throw new ServletParseException("invalid tel URL '" + text + "': " + e.getMessage(), e);
        }
    }

    /** Checks the digits of a number (without {@code +}) and returns them. */
    private static String checkNumber(String digits, boolean global) {
        boolean hasDigit = false;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            boolean digit = global ? c >= '0' && c <= '9'
                    : Character.digit(c, 16) >= 0 || c == '*' || c == '#';
            if (digit) {
                hasDigit = true;
            } else if ("-.()".indexOf(c) < 0) {
                throw new IllegalArgumentException("invalid character '" + c + "' in "
                        + (global ? "global" : "local") + " number: " + digits);
            }
        }
        if (!hasDigit) {
            throw new IllegalArgumentException("phone number without digits: '" + digits + "'");
        }
        return digits;
    }

    @Override
    public String getScheme() {
        return "tel";
    }

    @Override
    public String getPhoneNumber() {
        return number;
    }

    @Override
    public String getPhoneContext() {
        return params.get(PHONE_CONTEXT);
    }

    @Override
    public boolean isGlobal() {
        return global;
    }

    @Override
    public void setPhoneNumber(String number) {
        checkWritable();
        if (number == null || !number.startsWith("+")) {
            throw new IllegalArgumentException("a global number starts with '+': " + number);
        }
        this.number = checkNumber(number.substring(1), true);
        this.global = true;
        params.remove(PHONE_CONTEXT);
    }

    @Override
    public void setPhoneNumber(String number, String phoneContext) {
        checkWritable();
        if (number == null || phoneContext == null || phoneContext.isEmpty()) {
            throw new IllegalArgumentException("a local number needs a number and a phone context");
        }
        this.number = checkNumber(number, false);
        this.global = false;
        params.set(PHONE_CONTEXT, phoneContext);
    }

    @Override
    public javax.sip.address.TelURL toJain() {
        return (javax.sip.address.TelURL) super.toJain();
    }

    @Override
    public TelURLImpl clone() {
        return finishClone((TelURLImpl) shallowClone());
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(32).append("tel:");
        if (global) {
            sb.append('+');
        }
        sb.append(number);
        params.encodeUri(sb);
        return sb.toString();
    }

    /** Removes visual separators and folds case, as RFC 3966 section 4 compares numbers. */
    private static String digitsKey(String n) {
        StringBuilder sb = new StringBuilder(n.length());
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if ("-.()".indexOf(c) < 0) {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }

    private static String valueKey(String name, String value) {
        if (name.equalsIgnoreCase(PHONE_CONTEXT) && value.startsWith("+")) {
            return digitsKey(value);
        }
        return value.toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        if (!(o instanceof TelURLImpl t) || global != t.global
                || !digitsKey(number).equals(digitsKey(t.number))
                || params.nameSet().size() != t.params.nameSet().size()) {
            return false;
        }
        for (String name : params.nameSet()) {
            String other = t.params.get(name);
            if (other == null || !valueKey(name, other).equals(valueKey(name, params.get(name)))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 31 * Boolean.hashCode(global) + digitsKey(number).hashCode();
        for (String name : params.nameSet()) {
            h += name.toLowerCase(Locale.ROOT).hashCode() ^ valueKey(name, params.get(name))
                    .hashCode();
        }
        return h;
    }
}
