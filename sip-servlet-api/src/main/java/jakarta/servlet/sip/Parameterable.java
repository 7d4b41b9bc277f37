package jakarta.servlet.sip;

import java.io.Serializable;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * A header value made of a main part followed by {@code ;name=value} parameters, as used by
 * headers such as {@code Content-Type}, {@code Accept}, {@code Event} or {@code Via}.
 *
 * <p>Parameter names are matched without regard to case. Objects tied to headers the container
 * manages may be read-only; their mutators then throw {@link IllegalStateException}.
 */
public interface Parameterable extends Cloneable, Serializable {

    /**
     * Makes an independent, modifiable copy of this value.
     *
     * @return the copy
     */
    Object clone();

    /**
     * Compares this value with another one: the main parts must match and so must the
     * parameters, regardless of their order.
     *
     * @param o the object to compare with
     * @return {@code true} when both denote the same header value
     */
    @Override
    boolean equals(Object o);

    /**
     * Looks up a parameter.
     *
     * @param key the parameter name
     * @return the value, an empty string for a parameter without value, or {@code null} when
     *         absent
     * @throws NullPointerException if {@code key} is {@code null}
     */
    String getParameter(String key);

    /**
     * Lists the parameter names in the order they appear.
     *
     * @return an iterator over the names, possibly empty
     */
    Iterator<String> getParameterNames();

    /**
     * Gives the parameter names as a set that keeps their order of appearance.
     *
     * @return the parameter names, possibly empty; never {@code null}
     */
    Set<String> getParameterNameSet();

    /**
     * Gives every parameter as name/value pairs, in order.
     *
     * @return the parameters, possibly empty
     */
    Set<Map.Entry<String, String>> getParameters();

    /**
     * Gives the main part of the value, without its parameters.
     *
     * @return the main part
     */
    String getValue();

    /**
     * Deletes a parameter; nothing happens when it is absent.
     *
     * @param name the parameter name
     * @throws IllegalStateException if this value is read-only
     * @throws NullPointerException if {@code name} is {@code null}
     */
    void removeParameter(String name);

    /**
     * Adds a parameter or replaces its value.
     *
     * @param name the parameter name
     * @param value the value; an empty string stands for a parameter without value
     * @throws IllegalStateException if this value is read-only
     * @throws NullPointerException if {@code name} or {@code value} is {@code null}
     */
    void setParameter(String name, String value);

    /**
     * Replaces the main part of the value, leaving parameters alone.
     *
     * @param value the new main part
     * @throws IllegalStateException if this value is read-only
     * @throws NullPointerException if {@code value} is {@code null}
     */
    void setValue(String value);
}
