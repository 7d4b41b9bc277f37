/**
 * The SIP Servlet API (SIP Servlet 2.0, JSR 359, in the Jakarta namespace): SIP messages
 * ({@link jakarta.servlet.sip.SipServletRequest}, {@link jakarta.servlet.sip.SipServletResponse}),
 * the sessions that hold application state ({@link jakarta.servlet.sip.SipSession},
 * {@link jakarta.servlet.sip.SipApplicationSession}), the ways an application handles a request
 * (as user agent, through a {@link jakarta.servlet.sip.Proxy}, or as a back-to-back user agent
 * through the {@link jakarta.servlet.sip.B2buaHelper}), the factories and services the container
 * provides ({@link jakarta.servlet.sip.SipFactory}, {@link jakarta.servlet.sip.TimerService},
 * {@link jakarta.servlet.sip.SipSessionsUtil}, {@link jakarta.servlet.sip.DnsResolver}), and the
 * listeners an application implements to follow sessions, attributes, timers and errors.
 *
 * <p>Servlets extend {@link jakarta.servlet.sip.SipServlet} or are annotated POJOs (see
 * {@code jakarta.servlet.sip.annotation}); application routing is defined in
 * {@code jakarta.servlet.sip.ar}.
 */
package jakarta.servlet.sip;
