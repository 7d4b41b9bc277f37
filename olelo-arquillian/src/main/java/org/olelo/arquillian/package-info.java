/**
 * An Arquillian adapter for Olelo: {@link org.olelo.arquillian.OleloDeployableContainer} starts the
 * server embedded or as an {@code olelo.jar} process on free ports with fresh folders, deploys each
 * {@code @Deployment} archive through the server's deployer, applies the configured routing, and
 * {@link org.olelo.arquillian.OleloEndpoints} tells tests where the server listens.
 */
package org.olelo.arquillian;
