/**
 * The servlet-facing context objects of a deployed SIP application: its
 * {@link jakarta.servlet.ServletContext} and the {@link jakarta.servlet.ServletConfig}
 * handed to each servlet.
 *
 * <p>A SIP application has no HTTP side in Olelo, so the parts of the Servlet API
 * that deal with HTTP (dynamic registration, filters, session cookies, JSP) are
 * rejected with {@link java.lang.UnsupportedOperationException}; the message names
 * the method.
 */
package org.olelo.container.internal.context;
