/**
 * The servlet-facing context objects of a deployed SIP application: its
 * {@link jakarta.servlet.ServletContext} and the {@link jakarta.servlet.ServletConfig}
 * handed to each servlet.
 *
 * <p>While the context is initialised, the application may add servlets, SIP servlet POJOs,
 * listeners of SIP types and security roles
 * ({@link org.olelo.container.internal.context.RegisteringServletContext}); the deployer keeps
 * them behind {@link org.olelo.container.internal.context.Registrations}.
 *
 * <p>A SIP application has no HTTP side in Olelo, so the parts of the Servlet API that deal with
 * HTTP (path dispatchers, filters, JSP, HTTP sessions and their listeners, URL mappings), with SIP
 * over WebSocket and with RFC 5626 flows are rejected with
 * {@link java.lang.UnsupportedOperationException}; the message names the method and the reason.
 */
package org.olelo.container.internal.context;
