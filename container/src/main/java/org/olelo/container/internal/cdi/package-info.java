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
 */
package org.olelo.container.internal.cdi;
