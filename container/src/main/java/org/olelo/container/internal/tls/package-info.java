/**
 * The container's side of TLS: the {@code tls.reload} management command, and the self-signed
 * certificate made for development when {@code tls.self.signed=true} and none is configured. The
 * TLS transport itself is a plug-in of the core (module {@code transport-tls}).
 */
package org.olelo.container.internal.tls;
