package org.olelo.container.internal.session;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The CDI beans of the session scope of one {@link SipApplicationSessionImpl}: made with the
 * first bean the application asks for (most sessions never have any) and destroyed once, while
 * the session is invalidated.
 *
 * <p>Read and made on any thread; destroyed on the session's executor.
 */
final class ScopedBeans {

    private volatile SessionBeans beans;

    /**
     * @param create makes the beans, the first time
     * @param open   whether the session is still valid (no beans are made for an invalid one)
     * @return the beans, or null when the session is invalid and has none
     */
    SessionBeans get(Supplier<? extends SessionBeans> create, BooleanSupplier open) {
        SessionBeans b = beans;
        if (b != null) {
            return b;
        }
        synchronized (this) {
            if (beans == null && open.getAsBoolean()) {
                beans = create.get();
            }
            return beans;
        }
    }

    /** Destroys the beans, if any were made; what they throw is logged under the session's id. */
    void destroy(AppContext app, String sessionId) {
        SessionBeans b = beans;
        if (b != null) {
            Callbacks.run(app, "destruction of the CDI beans of " + sessionId, b::destroyAll);
        }
    }
}
