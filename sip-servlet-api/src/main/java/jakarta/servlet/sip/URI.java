package jakarta.servlet.sip;

import java.io.Serializable;
import java.util.Iterator;
import java.util.Set;

/**
 * A Uniform Resource Identifier as carried in SIP messages: request targets, the URI part of
 * addresses and similar places. Containers offer {@link SipURI} and {@link TelURL} for the
 * {@code sip}/{@code sips} and {@code tel} schemes and a generic form for every other scheme.
 *
 * <p>URI objects may be read-only when they belong to a header the container manages; their
 * mutators then throw {@link IllegalStateException}.
 */
public interface URI extends Cloneable, Serializable {

    /**
     * Makes an independent, modifiable copy of this URI.
     *
     * @return the copy
     */
    URI clone();

    /**
     * Looks up a URI parameter.
     *
     * @param key the parameter name
     * @return the parameter value, an empty string for a parameter without value, or
     *         {@code null} when the URI has no such parameter
     * @throws NullPointerException if {@code key} is {@code null}
     */
    String getParameter(String key);

    /**
     * Lists the names of the URI parameters in the order they appear.
     *
     * @return an iterator over parameter names, possibly empty
     */
    Iterator<String> getParameterNames();

    /**
     * Gives the names of the URI parameters as a set that keeps their order of appearance.
     *
     * @return the parameter names, possibly empty; never {@code null}
     */
    Set<String> getParameterNameSet();

    /**
     * Gives the scheme of this URI, for instance {@code "sip"}, {@code "sips"} or {@code "tel"}.
     *
     * @return the scheme, without the trailing colon
     */
    String getScheme();

    /**
     * Tells whether this URI uses the {@code sip} or {@code sips} scheme, in which case it can
     * be cast to {@link SipURI}.
     *
     * @return {@code true} for SIP and SIPS URIs
     */
    boolean isSipURI();

    /**
     * Deletes a URI parameter; nothing happens when it is absent.
     *
     * @param name the parameter name
     * @throws IllegalStateException if this URI is read-only
     * @throws NullPointerException if {@code name} is {@code null}
     */
    void removeParameter(String name);

    /**
     * Adds a URI parameter or replaces its value.
     *
     * @param name the parameter name
     * @param value the value; an empty string stands for a parameter without value
     * @throws IllegalStateException if this URI is read-only
     * @throws NullPointerException if {@code name} or {@code value} is {@code null}
     */
    void setParameter(String name, String value);

    /**
     * Compares this URI with another one following the equivalence rules of its scheme, for
     * instance RFC 3261 section 19.1.4 for SIP URIs.
     *
     * @param o the object to compare with
     * @return {@code true} when both URIs are equivalent
     */
    @Override
    boolean equals(Object o);

    /**
     * Gives the textual form of this URI as it would be written in a SIP message, with
     * characters escaped where the scheme requires it.
     *
     * @return the URI text
     */
    @Override
    String toString();
}
