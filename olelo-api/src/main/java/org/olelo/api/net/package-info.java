/**
 * The server's connections as applications see them: {@link org.olelo.api.net.Connections} tells
 * an application when a connection it depends on closed.
 */
package org.olelo.api.net;
