package org.olelo.apps.dispatcher;

/**
 * What the listener starts and the servlet and commands use, published as the ServletContext
 * attribute {@value #ATTRIBUTE}. Immutable; any thread.
 *
 * @param dispatcher the sets and the choice
 * @param prober     the health probing, or null when {@code dispatcher.probing.interval.seconds} is 0
 */
record DispatcherRuntime(Dispatcher dispatcher, Prober prober) {

    /** The ServletContext attribute of the running application. */
    static final String ATTRIBUTE = "org.olelo.apps.dispatcher.runtime";
}
