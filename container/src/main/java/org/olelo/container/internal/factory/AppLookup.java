package org.olelo.container.internal.factory;

import org.olelo.container.internal.session.AppContext;

/** Finds the running context of an application by name (null while it is not deployed). */
@FunctionalInterface
public interface AppLookup {

    /** The application's context, or null. */
    AppContext find(String appName);
}
