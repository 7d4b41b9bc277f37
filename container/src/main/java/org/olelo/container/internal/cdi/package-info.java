/**
 * CDI for SIP applications: one Weld SE container per deployed application.
 *
 * <p>Each application is one synthetic bean archive in {@code annotated}
 * discovery mode, fed directly by the deployer with the application's classes
 * (from {@code WEB-INF/classes} and every {@code WEB-INF/lib} jar, beans.xml or
 * not). Weld's own class-path scanning is disabled, so nothing of the container's
 * class path is looked at and no Jandex index is needed; a cheap byte-level filter
 * ({@link org.olelo.container.internal.cdi.BeanClassFilter}) spares loading the
 * classes that cannot be beans. Servlets and listeners are not beans: they are
 * created by the container as non-contextual instances through an
 * {@code InjectionTarget}, so their {@code @Inject} fields and
 * {@code @PostConstruct} methods work whatever their annotations. The
 * application's {@code SipFactory}, {@code TimerService}, {@code SipSessionsUtil},
 * {@code ServletContext} and {@code DataSource} are added as synthetic
 * {@code @Dependent} beans, and {@code @Resource} fields receive the same objects
 * through Weld's resource injection service
 * ({@link org.olelo.container.internal.cdi.ContainerResources}).
 *
 * <p>The two scopes of JSR 359 ({@link org.olelo.container.internal.cdi.SipScopesExtension}):
 * {@code @SipApplicationSessionScoped} beans live in the application session whose work the
 * thread runs and are destroyed when it is invalidated
 * ({@link org.olelo.container.internal.cdi.AppSessionContext}); {@code @SipInvocationScoped}
 * beans live for one invocation of the application's code, which the deployed application
 * brackets in {@code DeployedApp.runInContext}, only when the application has such a bean
 * ({@link org.olelo.container.internal.cdi.InvocationContext}). The current
 * {@code SipApplicationSession} is a bean too.
 */
package org.olelo.container.internal.cdi;
