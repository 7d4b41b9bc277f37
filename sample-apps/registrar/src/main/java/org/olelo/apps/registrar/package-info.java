/**
 * The registrar application's servlet layer: {@link org.olelo.apps.registrar.RegisterServlet}
 * ({@code register}, REGISTER requests) and {@link org.olelo.apps.registrar.LocationServlet}
 * ({@code location}, every other initial request for a local domain), chosen by the sip.xml
 * servlet-mapping rules, share one {@link org.olelo.apps.registrar.RegistrarRuntime} that
 * {@link org.olelo.apps.registrar.RegistrarListener} starts from the context-params
 * ({@link org.olelo.apps.registrar.RegistrarConfig}). The offline message store
 * ({@link org.olelo.apps.registrar.msilo}) is wired by {@link org.olelo.apps.registrar.SiloWiring};
 * {@link org.olelo.apps.registrar.SiloDelivery} sends stored messages and
 * {@link org.olelo.apps.registrar.SiloServlet} ({@code msilo}) receives the answers.
 *
 * <pre>
 *  REGISTER ─► RegisterServlet ─► SipRequests (plain values) ─► Registrar ─► LocationStore ─► 200 / error
 *  INVITE…  ─► LocationServlet ─► LocationService.lookup ─► Proxy (Path / NAT routes) ─► contacts
 *  MESSAGE, known user without contact ─► LocationServlet ─► Silo.store ─► 202
 *  REGISTER 200 ─► Silo.registered ─► delivery thread ─► SiloDelivery ─► contacts ─► SiloServlet
 * </pre>
 */
package org.olelo.apps.registrar;
