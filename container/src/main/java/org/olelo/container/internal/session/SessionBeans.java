package org.olelo.container.internal.session;

/**
 * The CDI beans kept with one application session (those of {@code @SipApplicationSessionScoped}),
 * as the session layer sees them: something to end when the session ends. The CDI layer creates
 * it the first time a bean of the scope is used in the session
 * ({@link SipApplicationSessionImpl#beans(java.util.function.Supplier)}); the session calls
 * {@link #destroyAll()} once, while it is invalidated.
 */
public interface SessionBeans {

    /**
     * Destroys every bean instance of the session ({@code @PreDestroy}) and refuses new ones.
     * Called on the session's executor, with the application's class loader and the session as
     * the current one; a bean whose destruction throws is logged and the others still destroyed.
     */
    void destroyAll();
}
