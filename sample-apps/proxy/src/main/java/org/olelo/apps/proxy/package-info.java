/**
 * A stateful, record-routing proxy: the SIP servlet equivalent of Kamailio's
 * {@code record_route(); t_relay();}. See {@link org.olelo.apps.proxy.ProxyServlet}.
 */
package org.olelo.apps.proxy;
