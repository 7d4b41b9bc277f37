package jakarta.servlet.sip;

/**
 * A {@code tel} URL (RFC 3966) designating a telephone number, either global (starting with
 * {@code +}) or local, in which case a {@code phone-context} parameter qualifies it.
 */
public interface TelURL extends URI {

    /**
     * Gives the {@code phone-context} parameter of a local number.
     *
     * @return the phone context, or {@code null} when absent
     */
    String getPhoneContext();

    /**
     * Gives the telephone number, without the leading {@code +} of a global number and without
     * parameters.
     *
     * @return the number digits, possibly with visual separators
     */
    String getPhoneNumber();

    /**
     * Tells whether the number is global, that is written with a leading {@code +}.
     *
     * @return {@code true} for a global number
     */
    boolean isGlobal();

    /**
     * Replaces the number by a global number.
     *
     * @param number the number, with its leading {@code +}
     * @throws IllegalArgumentException if the text is not a valid global number
     * @throws IllegalStateException if this URL is read-only
     */
    void setPhoneNumber(String number);

    /**
     * Replaces the number by a local number valid within the given context.
     *
     * @param number the local number, without {@code +}
     * @param phoneContext the context in which the number is meaningful
     * @throws IllegalArgumentException if the number or the context is not valid
     * @throws IllegalStateException if this URL is read-only
     */
    void setPhoneNumber(String number, String phoneContext);

    /**
     * Compares two tel URLs following RFC 3966: numbers are compared without visual separators
     * and parameters are compared by name regardless of order.
     *
     * @param o the object to compare with
     * @return {@code true} when both URLs are equivalent
     */
    @Override
    boolean equals(Object o);

    /**
     * Gives the textual form of this URL, such as {@code tel:+15551234567}.
     *
     * @return the URL text
     */
    @Override
    String toString();
}
