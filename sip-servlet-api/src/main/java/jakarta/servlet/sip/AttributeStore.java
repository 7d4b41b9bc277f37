package jakarta.servlet.sip;

import java.util.Set;

/**
 * Common contract of every SIP Servlet object that can carry application attributes: messages,
 * protocol sessions, application sessions, forking contexts and invite branches.
 *
 * <p>Attribute names are case-sensitive; names starting with {@code jakarta.}, {@code java.} or
 * {@code javax.} are reserved for the specification and the container. On a store that can be
 * invalidated (a session), every method throws {@link IllegalStateException} once it is invalid.
 *
 * @since 2.0
 */
public interface AttributeStore {

    /**
     * Looks up an attribute.
     *
     * @param name the attribute name
     * @return the value bound to {@code name}, or {@code null} if there is none
     * @throws NullPointerException if {@code name} is {@code null}
     */
    Object getAttribute(String name);

    /**
     * Unbinds an attribute; does nothing if no value is bound to {@code name}.
     *
     * @param name the attribute name
     */
    void removeAttribute(String name);

    /**
     * Binds a value to a name, replacing any earlier value bound to it.
     *
     * @param name the attribute name
     * @param attribute the value to bind
     * @throws NullPointerException if {@code name} or {@code attribute} is {@code null}
     */
    void setAttribute(String name, Object attribute);

    /**
     * Lists the names of the attributes currently bound.
     *
     * @return a set of attribute names, empty if there are none
     */
    Set<String> getAttributeNameSet();

    /** Unbinds every attribute of this store. */
    void clearAttributes();
}
