package jakarta.servlet.sip;

/**
 * The value of an address header such as {@code From}, {@code To}, {@code Contact} or
 * {@code Route}: an optional display name, a URI and header parameters such as {@code tag},
 * {@code q} or {@code expires}. The special {@code Contact: *} form is the wildcard address.
 *
 * <p>The main value ({@link #getValue()}) is the address without its header parameters.
 */
public interface Address extends Parameterable {

    /**
     * Makes an independent, modifiable copy of this address, including its URI.
     *
     * @return the copy
     */
    @Override
    Object clone();

    /**
     * Compares two addresses: the URIs must be equal and the header parameters must match;
     * display names do not take part in the comparison.
     *
     * @param o the object to compare with
     * @return {@code true} when both denote the same address
     */
    @Override
    boolean equals(Object o);

    /**
     * Gives the display name, unquoted and unescaped.
     *
     * @return the display name, or {@code null} when there is none
     */
    String getDisplayName();

    /**
     * Gives the {@code expires} header parameter.
     *
     * @return the number of seconds, or {@code -1} when the parameter is absent
     */
    int getExpires();

    /**
     * Gives the {@code q} header parameter, the preference of a contact.
     *
     * @return a value between 0 and 1, or {@code -1.0f} when the parameter is absent
     */
    float getQ();

    /**
     * Gives the URI of this address.
     *
     * @return the URI, or {@code null} for the wildcard address
     */
    URI getURI();

    /**
     * Tells whether this is the wildcard address {@code *} used in {@code Contact} headers of
     * REGISTER requests to remove every binding.
     *
     * @return {@code true} for the wildcard address
     */
    boolean isWildcard();

    /**
     * Sets or removes the display name. Quoting is applied when the address is written out.
     *
     * @param name the display name, or {@code null} to remove it
     * @throws IllegalStateException if this address is read-only
     */
    void setDisplayName(String name);

    /**
     * Sets the {@code expires} header parameter.
     *
     * @param seconds a number of seconds; a negative value removes the parameter
     * @throws IllegalStateException if this address is read-only
     */
    void setExpires(int seconds);

    /**
     * Sets the {@code q} header parameter.
     *
     * @param q a value from 0 to 1, or {@code -1.0f} to remove the parameter
     * @throws IllegalArgumentException if {@code q} is outside these values
     * @throws IllegalStateException if this address is read-only
     */
    void setQ(float q);

    /**
     * Replaces the URI of this address.
     *
     * @param uri the new URI
     * @throws IllegalStateException if this address is read-only
     * @throws NullPointerException if {@code uri} is {@code null}
     */
    void setURI(URI uri);

    /**
     * Gives the address as written in a header value: display name, URI in angle brackets when
     * needed, then the header parameters.
     *
     * @return the address text
     */
    @Override
    String toString();
}
