/**
 * The registrar and location service on plain values, free of the servlet API:
 * {@link org.olelo.apps.registrar.service.Registrar} processes a
 * {@link org.olelo.apps.registrar.service.RegisterRequest} into a
 * {@link org.olelo.apps.registrar.service.RegisterResult} (RFC 3261 §10.3, Path, RFC 5626
 * instance and reg-id); {@link org.olelo.apps.registrar.service.LocationService} turns the AOR of
 * a request into {@link org.olelo.apps.registrar.service.Target}s to proxy to. Canonical AORs
 * ({@link org.olelo.apps.registrar.service.Aor}), local domains and the statistics live here too.
 */
package org.olelo.apps.registrar.service;
