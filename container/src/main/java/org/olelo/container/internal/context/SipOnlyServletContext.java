package org.olelo.container.internal.context;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.SessionTrackingMode;
import jakarta.servlet.descriptor.JspConfigDescriptor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.sip.SipServletContext;
import jakarta.servlet.sip.SipWebSocketContext;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The part of a {@link SipServletContext} that Olelo does not offer (yet) to a SIP-only
 * application: every method here throws {@link UnsupportedOperationException}
 * whose message names the method, why (it belongs to HTTP, to SIP over WebSocket or to RFC 5626
 * flows) and the application. Path-based request dispatchers, JSP files, filters, HTTP session
 * cookies, tracking modes and timeout are HTTP.
 *
 * <p>Stateless apart from the application name; any thread.
 */
abstract class SipOnlyServletContext implements SipServletContext {

    private final String app;

    SipOnlyServletContext(String appName) {
        this.app = Objects.requireNonNull(appName, "appName");
    }

    private static final String HTTP = "it belongs to HTTP, whose servlets, filters and listeners are declared"
            + " in web.xml or with @WebServlet, @WebFilter and @WebListener";
    private static final String WEBSOCKET = "Olelo's ws: and wss: listening points carry SIP over WebSocket (RFC 7118),"
            + " but tying a WebSocket to an HTTP session's identity (SipWebSocketContext) is not implemented";

    final UnsupportedOperationException unsupported(String method, String reason) {
        return new UnsupportedOperationException("SipServletContext." + method + " is not supported by Olelo: "
                + reason + " (SIP application '" + app + "')");
    }

    @Override
    public RequestDispatcher getRequestDispatcher(String path) {
        throw unsupported("getRequestDispatcher", HTTP);
    }

    @Override
    public ServletRegistration.Dynamic addJspFile(String servletName, String jspFile) {
        throw unsupported("addJspFile", HTTP);
    }

    @Override
    public FilterRegistration.Dynamic addFilter(String filterName, String className) {
        throw unsupported("addFilter", HTTP);
    }

    @Override
    public FilterRegistration.Dynamic addFilter(String filterName, Filter filter) {
        throw unsupported("addFilter", HTTP);
    }

    @Override
    public FilterRegistration.Dynamic addFilter(String filterName, Class<? extends Filter> filterClass) {
        throw unsupported("addFilter", HTTP);
    }

    @Override
    public <T extends Filter> T createFilter(Class<T> clazz) {
        throw unsupported("createFilter", HTTP);
    }

    @Override
    public FilterRegistration getFilterRegistration(String filterName) {
        throw unsupported("getFilterRegistration", HTTP);
    }

    @Override
    public Map<String, ? extends FilterRegistration> getFilterRegistrations() {
        throw unsupported("getFilterRegistrations", HTTP);
    }

    @Override
    public SessionCookieConfig getSessionCookieConfig() {
        throw unsupported("getSessionCookieConfig", HTTP);
    }

    @Override
    public void setSessionTrackingModes(Set<SessionTrackingMode> sessionTrackingModes) {
        throw unsupported("setSessionTrackingModes", HTTP);
    }

    @Override
    public Set<SessionTrackingMode> getDefaultSessionTrackingModes() {
        throw unsupported("getDefaultSessionTrackingModes", HTTP);
    }

    @Override
    public Set<SessionTrackingMode> getEffectiveSessionTrackingModes() {
        throw unsupported("getEffectiveSessionTrackingModes", HTTP);
    }

    @Override
    public JspConfigDescriptor getJspConfigDescriptor() {
        throw unsupported("getJspConfigDescriptor", HTTP);
    }

    @Override
    public void setSessionTimeout(int sessionTimeout) {
        throw unsupported("setSessionTimeout", HTTP);
    }

    @Override
    public void assignWebSocketSipIdentity(HttpServletRequest request, String sipIdentity) {
        throw unsupported("assignWebSocketSipIdentity", WEBSOCKET);
    }

    @Override
    public SipWebSocketContext getSipWebSocketContext(String sipIdentity) {
        throw unsupported("getSipWebSocketContext", WEBSOCKET);
    }
}
