/**
 * A topology-hiding back-to-back user agent, the SIP servlet counterpart of Kamailio's
 * {@code topos} module: every call is two dialogs joined by the container's
 * {@link jakarta.servlet.sip.B2buaHelper}. See {@link org.olelo.apps.b2bua.B2buaServlet}.
 */
package org.olelo.apps.b2bua;
