package org.olelo.container.internal.cdi;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.servlet.sip.SipApplicationSession;
import jakarta.servlet.sip.annotation.SipApplicationSessionScoped;

/**
 * Portable extension that gives an application the two scopes of JSR 359 and the current
 * application session as a bean:
 * <ul>
 * <li>{@code @SipApplicationSessionScoped}, through {@link AppSessionContext};</li>
 * <li>{@code @SipInvocationScoped}, through the application's own {@link InvocationContext};</li>
 * <li>{@code @Inject SipApplicationSession}: a client proxy that resolves, at each call, to the
 *     application session whose work the thread runs (a bean of the application-session scope
 *     whose instance is the session itself); called outside such work it throws
 *     {@code ContextNotActiveException}.</li>
 * </ul>
 * Runs on the thread that boots Weld (the deployer thread).
 */
final class SipScopesExtension implements Extension {

    private final InvocationContext invocations = new InvocationContext();

    /** @return the application's invocation context */
    InvocationContext invocations() {
        return invocations;
    }

    void addContexts(@Observes AfterBeanDiscovery abd) {
        abd.addContext(new AppSessionContext());
        abd.addContext(invocations);
        abd.addBean()
                .id("olelo:current-sip-application-session")
                .beanClass(SipApplicationSession.class)
                .types(SipApplicationSession.class, Object.class)
                .scope(SipApplicationSessionScoped.class)
                .createWith(cc -> AppSessionContext.required());
    }
}
