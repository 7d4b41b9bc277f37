package org.olelo.container.internal.session;

import java.io.Serializable;

/**
 * The rule of JSR 359 for distributable applications: what they store in a session must be
 * serialisable, since the session may be copied to another node. Checked at {@code setAttribute},
 * with or without a cluster, so that an application learns of a bad attribute on the node it is
 * developed on and not at its first failover. A type check only: a serialisable container that
 * holds an unserialisable object is found when the session is copied.
 */
final class DistributableAttributes {

    private DistributableAttributes() {
    }

    /**
     * @throws IllegalArgumentException naming the attribute, when the application is distributable
     *                                  and the value is not {@link Serializable}
     */
    static void check(AppContext app, String name, Object value) {
        if (value != null && !(value instanceof Serializable) && app.distributable()) {
            throw new IllegalArgumentException("attribute " + name + " of a distributable application must be"
                    + " Serializable, not " + value.getClass().getName());
        }
    }
}
