/**
 * The JNDI names of applications: {@code new InitialContext().lookup("java:comp/env/...")} from
 * application code finds the container objects of the calling application, under the names
 * JSR 289 gives them ({@code sip/<app-name>/SipFactory}, {@code sip/<app-name>/TimerService},
 * {@code sip/<app-name>/SipSessionsUtil}) and {@code jdbc/default} for the default database pool.
 *
 * <p>The calling application is the one whose class loader is the thread's context class loader,
 * as it is in every servlet, listener and timer call and during deployment. Each application sees
 * only its own names, and they exist from the moment its classes are first instantiated until its
 * {@code contextDestroyed} has returned. The names are read-only.
 *
 * <p>JNDI is reached through the JVM-wide {@link javax.naming.spi.InitialContextFactoryBuilder},
 * which {@link org.olelo.container.internal.naming.AppNamespaces} installs once, at the first
 * deployment: an {@code InitialContext} whose environment names its own factory
 * ({@code java.naming.factory.initial}) still gets that factory, and URL names of other schemes
 * ({@code ldap://...}) go to the JDK's providers.
 */
package org.olelo.container.internal.naming;
