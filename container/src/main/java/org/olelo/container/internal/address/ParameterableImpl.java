package org.olelo.container.internal.address;

import jakarta.servlet.sip.Parameterable;
import jakarta.servlet.sip.ServletParseException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The container's {@link Parameterable}: a header value such as {@code application/sdp;level=1}
 * or {@code presence;id=1}, split into its main part and its header parameters. Quoted
 * parameter values are returned unquoted and quoted again when written.
 */
public class ParameterableImpl implements Parameterable {

    private static final long serialVersionUID = 1L;

    private String value;
    ParamList params = new ParamList();
    private boolean readOnly;

    /** Creates an empty value, for subclasses. */
    ParameterableImpl() {
    }

    /**
     * Creates a value without parameters.
     *
     * @param value the main part
     */
    public ParameterableImpl(String value) {
        this.value = Objects.requireNonNull(value, "value").trim();
    }

    /**
     * Parses a header value made of a main part and {@code ;name=value} parameters. The text is
     * the value only, without the header name. Semicolons inside quoted strings or angle
     * brackets belong to the main part.
     *
     * @param text the header value, for instance {@code application/sdp;level=1}
     * @return a new, writable object
     * @throws ServletParseException if the parameters are malformed
     */
    public static ParameterableImpl parse(String text) throws ServletParseException {
        if (text == null) {
            throw new ServletParseException("cannot parse a null header value");
        }
        int end = mainPartEnd(text);
        if (end < 0) {
            throw new ServletParseException("unbalanced quotes or angle brackets in: '" + text
                    + "'");
        }
        ParameterableImpl p = new ParameterableImpl(text.substring(0, end));
        try {
            p.params = ParamList.parseHeader(text, end);
        } catch (IllegalArgumentException e) {
            throw new ServletParseException("invalid header parameters: " + e.getMessage(), e);
        }
        return p;
    }

    /** Offset of the first {@code ;} outside quotes and angle brackets, -1 when unbalanced. */
    private static int mainPartEnd(String s) {
        boolean quoted = false;
        boolean angle = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == '<') {
                angle = true;
            } else if (c == '>') {
                angle = false;
            } else if (c == ';' && !angle) {
                return i;
            }
        }
        return quoted || angle ? -1 : s.length();
    }

    /**
     * Freezes this value: later mutator calls throw {@link IllegalStateException}.
     */
    public void setReadOnly() {
        readOnly = true;
    }

    /**
     * Tells whether this value was frozen by {@link #setReadOnly()}.
     *
     * @return {@code true} when mutators are refused
     */
    public boolean isReadOnly() {
        return readOnly;
    }

    /**
     * Throws when this value is read-only; every mutator calls it first.
     *
     * @throws IllegalStateException if this value is read-only
     */
    final void checkWritable() {
        if (readOnly) {
            throw new IllegalStateException("this header value is read-only: " + this);
        }
    }

    @Override
    public String getValue() {
        return value;
    }

    @Override
    public void setValue(String value) {
        checkWritable();
        this.value = Objects.requireNonNull(value, "value").trim();
    }

    @Override
    public String getParameter(String key) {
        return params.get(key);
    }

    @Override
    public void setParameter(String name, String value) {
        checkWritable();
        params.set(name, value);
    }

    @Override
    public void removeParameter(String name) {
        checkWritable();
        params.remove(name);
    }

    @Override
    public Iterator<String> getParameterNames() {
        return params.names();
    }

    @Override
    public Set<String> getParameterNameSet() {
        return params.nameSet();
    }

    @Override
    public Set<Map.Entry<String, String>> getParameters() {
        return params.entries();
    }

    /**
     * Copies the parameters into a JAIN-SIP header, writing flags without {@code =} and quoting
     * values that were quoted here.
     *
     * @param target the JAIN-SIP header to fill
     * @throws IllegalArgumentException if JAIN-SIP rejects a parameter
     */
    public void copyParametersTo(javax.sip.header.Parameters target) {
        params.copyTo(target);
    }

    @Override
    public ParameterableImpl clone() {
        try {
            ParameterableImpl c = (ParameterableImpl) super.clone();
            c.params = params.copy();
            c.readOnly = false;
            return c;
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Compares the main parts without regard to case and the parameters regardless of order.
     *
     * @param o the object to compare with
     * @return {@code true} when both values match
     */
    @Override
    public boolean equals(Object o) {
        return o == this || o != null && o.getClass() == getClass()
                && value.equalsIgnoreCase(((ParameterableImpl) o).value)
                && params.sameAs(((ParameterableImpl) o).params);
    }

    @Override
    public int hashCode() {
        return 31 * value.toLowerCase(Locale.ROOT).hashCode() + params.sameAsHash();
    }

    /**
     * Gives the header value as written in a message.
     *
     * @return the main part followed by the parameters
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(value);
        params.encodeHeader(sb);
        return sb.toString();
    }
}
