package org.olelo.container.internal.address;

import gov.nist.javax.sip.address.AddressFactoryImpl;
import jakarta.servlet.sip.URI;
import java.text.ParseException;
import java.util.Iterator;
import java.util.Set;

/**
 * Common base of the container's URI classes: parameter storage and the read-only switch used
 * for URIs held by system headers.
 */
public abstract class AbstractURI implements URI {

    private static final long serialVersionUID = 1L;

    /** Shared JAIN-SIP factory; it keeps no state between calls. */
    static final AddressFactoryImpl JAIN_FACTORY = new AddressFactoryImpl();

    /** The URI parameters, values unescaped. */
    ParamList params = new ParamList();

    private boolean readOnly;

    AbstractURI() {
    }

    /**
     * Freezes this URI: every later mutator call throws {@link IllegalStateException}. A clone
     * of a frozen URI is writable again.
     */
    public void setReadOnly() {
        readOnly = true;
    }

    /**
     * Tells whether this URI was frozen by {@link #setReadOnly()}.
     *
     * @return {@code true} when mutators are refused
     */
    public boolean isReadOnly() {
        return readOnly;
    }

    /**
     * Throws when this URI is read-only; every mutator calls it first.
     *
     * @throws IllegalStateException if this URI is read-only
     */
    final void checkWritable() {
        if (readOnly) {
            throw new IllegalStateException("this URI belongs to a system header and is read-only: "
                    + this);
        }
    }

    /**
     * Builds the equivalent JAIN-SIP object, a fresh one at each call.
     *
     * @return a new JAIN-SIP URI with the same text
     * @throws IllegalStateException if JAIN-SIP refuses the text of this URI
     */
    public javax.sip.address.URI toJain() {
        try {
            return JAIN_FACTORY.createURI(toString());
        } catch (ParseException e) {
            throw new IllegalStateException("JAIN-SIP cannot parse URI " + this, e);
        }
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
    public boolean isSipURI() {
        return false;
    }

    @Override
    public abstract AbstractURI clone();

    /**
     * Copies the state shared by all URIs into a fresh, writable clone.
     *
     * @param copy the new object produced by {@link Object#clone()}
     * @return {@code copy}, for chaining
     */
    final <T extends AbstractURI> T finishClone(T copy) {
        ((AbstractURI) copy).params = params.copy();
        ((AbstractURI) copy).readOnly = false;
        return copy;
    }

    /**
     * Calls {@link Object#clone()}, which cannot fail since URIs are cloneable.
     *
     * @return the shallow copy
     */
    final Object shallowClone() {
        try {
            return super.clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }
}
