package org.olelo.container.internal.context;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.SessionTrackingMode;
import jakarta.servlet.descriptor.JspConfigDescriptor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.sip.Flow;
import jakarta.servlet.sip.SipServletContext;
import jakarta.servlet.sip.SipWebSocketContext;

import java.util.EventListener;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The part of a {@link SipServletContext} that Olelo does not offer (yet) to a SIP-only
 * application: every method here throws {@link UnsupportedOperationException}
 * whose message names the method and the application.
 *
 * <p>Stateless apart from the application name; any thread.
 */
abstract class SipOnlyServletContext implements SipServletContext {

    private final String app;

    SipOnlyServletContext(String appName) {
        this.app = Objects.requireNonNull(appName, "appName");
    }

    final UnsupportedOperationException unsupported(String method) {
        return new UnsupportedOperationException(
                "SipServletContext." + method + " is not supported by Olelo (SIP application '" + app + "')");
    }

    @Override
    public RequestDispatcher getRequestDispatcher(String path) {
        throw unsupported("getRequestDispatcher");
    }

    @Override
    public ServletRegistration.Dynamic addServlet(String servletName, String className) {
        throw unsupported("addServlet");
    }

    @Override
    public ServletRegistration.Dynamic addServlet(String servletName, Servlet servlet) {
        throw unsupported("addServlet");
    }

    @Override
    public ServletRegistration.Dynamic addServlet(String servletName, Class<? extends Servlet> servletClass) {
        throw unsupported("addServlet");
    }

    @Override
    public ServletRegistration.Dynamic addJspFile(String servletName, String jspFile) {
        throw unsupported("addJspFile");
    }

    @Override
    public <T extends Servlet> T createServlet(Class<T> clazz) {
        throw unsupported("createServlet");
    }

    @Override
    public ServletRegistration getServletRegistration(String servletName) {
        throw unsupported("getServletRegistration");
    }

    @Override
    public Map<String, ? extends ServletRegistration> getServletRegistrations() {
        throw unsupported("getServletRegistrations");
    }

    @Override
    public FilterRegistration.Dynamic addFilter(String filterName, String className) {
        throw unsupported("addFilter");
    }

    @Override
    public FilterRegistration.Dynamic addFilter(String filterName, Filter filter) {
        throw unsupported("addFilter");
    }

    @Override
    public FilterRegistration.Dynamic addFilter(String filterName, Class<? extends Filter> filterClass) {
        throw unsupported("addFilter");
    }

    @Override
    public <T extends Filter> T createFilter(Class<T> clazz) {
        throw unsupported("createFilter");
    }

    @Override
    public FilterRegistration getFilterRegistration(String filterName) {
        throw unsupported("getFilterRegistration");
    }

    @Override
    public Map<String, ? extends FilterRegistration> getFilterRegistrations() {
        throw unsupported("getFilterRegistrations");
    }

    @Override
    public SessionCookieConfig getSessionCookieConfig() {
        throw unsupported("getSessionCookieConfig");
    }

    @Override
    public void setSessionTrackingModes(Set<SessionTrackingMode> sessionTrackingModes) {
        throw unsupported("setSessionTrackingModes");
    }

    @Override
    public Set<SessionTrackingMode> getDefaultSessionTrackingModes() {
        throw unsupported("getDefaultSessionTrackingModes");
    }

    @Override
    public Set<SessionTrackingMode> getEffectiveSessionTrackingModes() {
        throw unsupported("getEffectiveSessionTrackingModes");
    }

    @Override
    public void addListener(String className) {
        throw unsupported("addListener");
    }

    @Override
    public <T extends EventListener> void addListener(T t) {
        throw unsupported("addListener");
    }

    @Override
    public void addListener(Class<? extends EventListener> listenerClass) {
        throw unsupported("addListener");
    }

    @Override
    public <T extends EventListener> T createListener(Class<T> clazz) {
        throw unsupported("createListener");
    }

    @Override
    public JspConfigDescriptor getJspConfigDescriptor() {
        throw unsupported("getJspConfigDescriptor");
    }

    @Override
    public void declareRoles(String... roleNames) {
        throw unsupported("declareRoles");
    }

    @Override
    public void setSessionTimeout(int sessionTimeout) {
        throw unsupported("setSessionTimeout");
    }

    @Override
    public Flow getFlow(String flowToken) {
        throw unsupported("getFlow");
    }

    @Override
    public void assignWebSocketSipIdentity(HttpServletRequest request, String sipIdentity) {
        throw unsupported("assignWebSocketSipIdentity");
    }

    @Override
    public SipWebSocketContext getSipWebSocketContext(String sipIdentity) {
        throw unsupported("getSipWebSocketContext");
    }
}
