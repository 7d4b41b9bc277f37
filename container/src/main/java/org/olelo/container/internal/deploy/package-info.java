/**
 * Deployment of SIP applications from a folder.
 *
 * <p>An application is a {@code .sar}/{@code .war} archive or an exploded folder
 * with {@code WEB-INF/sip.xml}, {@code WEB-INF/classes/} and {@code WEB-INF/lib/*.jar}.
 * {@link org.olelo.container.internal.deploy.AppDeployer} watches the folder and
 * deploys each application from a private copy in a work folder, with its own
 * {@link org.olelo.container.internal.deploy.AppClassLoader}, context, CDI
 * container and servlet instances; the running applications are published in an
 * {@link org.olelo.container.internal.deploy.AppRegistry} as
 * {@link org.olelo.container.internal.deploy.DeployedApp}s.
 *
 * <p>Descriptor: {@link org.olelo.container.internal.deploy.SipXmlParser} reads
 * sip.xml; the annotations ({@code @SipApplication}, {@code @SipServlet},
 * {@code @SipListener}) are read from the classes that mention them; sip.xml wins
 * where both speak ({@link org.olelo.container.internal.deploy.DescriptorMerger}).
 * Failures are values ({@link org.olelo.container.internal.deploy.DeployProblem}:
 * file, line, reason).
 */
package org.olelo.container.internal.deploy;
