package org.olelo.container.internal.factory;

import org.olelo.container.internal.session.AppContext;

/**
 * Finds the deployed version that one application's container objects ({@code SipFactory},
 * {@code SipSessionsUtil}) were made for: each version gets its own, so the sessions they create
 * belong to that version, whether it is the newest one or one that drains after a redeployment.
 */
@FunctionalInterface
public interface AppLookup {

    /** The version, or null while it is not deployed yet or after it was destroyed. */
    AppContext version();
}
