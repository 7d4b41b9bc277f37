package org.olelo.container.internal.context;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextAttributeListener;
import jakarta.servlet.sip.DnsResolver;
import jakarta.servlet.sip.SipApplicationConfiguration;
import jakarta.servlet.sip.SipFactory;
import jakarta.servlet.sip.SipServlet;
import jakarta.servlet.sip.SipSessionsUtil;
import jakarta.servlet.sip.SipURI;
import jakarta.servlet.sip.TimerService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The {@link jakarta.servlet.sip.SipServletContext} of one deployed application.
 *
 * <p>Attributes live in a concurrent map, read and written from any thread (the
 * deployer thread during deployment, then SIP worker threads). The typed getters
 * ({@link #getSipFactory()}, {@link #getSupported()}, …) read the attributes the
 * container published under the {@link SipServlet} constant names. Init parameters
 * and the main servlet can be changed, and servlets, listeners and roles added
 * ({@link RegisteringServletContext}), only until {@link #markInitialized()}.
 * Resources come from the application's root folder (its work copy); logging goes
 * to SLF4J logger {@code olelo.app.<name>}. HTTP-only methods throw
 * {@link UnsupportedOperationException} (see {@link SipOnlyServletContext}).
 */
public final class SipServletContextImpl extends RegisteringServletContext {

    /** Servlet API major version reported. */
    public static final int SERVLET_MAJOR = 6;
    /** Servlet API minor version reported. */
    public static final int SERVLET_MINOR = 1;
    /** What {@link #getServerInfo()} returns. */
    public static final String SERVER_INFO = "Olelo/0.1";

    /**
     * What the context is built from.
     *
     * @param appName               the application name
     * @param displayName           the display name, or null
     * @param classLoader           the application's class loader
     * @param root                  the application's root folder (holding WEB-INF)
     * @param initParams            context parameters
     * @param mainServlet           the main servlet's name, or null
     * @param proxyTimeoutSeconds   the default proxy timeout
     * @param sessionTimeoutMinutes the default application session timeout
     * @param distributable         whether the application is distributable
     */
    public record Settings(String appName, String displayName, ClassLoader classLoader, Path root,
                           Map<String, String> initParams, String mainServlet, int proxyTimeoutSeconds,
                           int sessionTimeoutMinutes, boolean distributable) {
    }

    private final Settings settings;
    private final ContextResources resources;
    private final ApplicationConfig config;
    private final Logger log;
    private final ContextAttributes attributes = new ContextAttributes(this);
    private final Map<String, String> initParams = new ConcurrentHashMap<>();
    private volatile Function<String, Servlet> servletLookup = name -> null;
    private volatile Function<String, jakarta.servlet.sip.Flow> flowLookup = token -> null;
    private volatile String requestEncoding;
    private volatile String responseEncoding;

    /** @param settings what the context is built from */
    public SipServletContextImpl(Settings settings) {
        super(settings.appName());
        this.settings = settings;
        this.resources = new ContextResources(settings.root());
        this.initParams.putAll(settings.initParams());
        this.config = new ApplicationConfig(settings.appName(), settings.mainServlet(), settings.proxyTimeoutSeconds(),
                settings.sessionTimeoutMinutes(), settings.distributable(), this::initialized,
                name -> servletLookup.apply(name) != null);
        this.log = LoggerFactory.getLogger("olelo.app." + settings.appName());
    }

    /** @param lookup finds a servlet of the application by name (null when none), for named dispatchers */
    public void setServletLookup(Function<String, Servlet> lookup) {
        this.servletLookup = Objects.requireNonNull(lookup, "lookup");
    }

    /** Sets how {@link #getFlow(String)} turns a token into a flow (the container's flows). */
    public void setFlowLookup(Function<String, jakarta.servlet.sip.Flow> lookup) {
        this.flowLookup = Objects.requireNonNull(lookup, "lookup");
    }

    /** The flow of a token from {@code Flow.getToken()} while it is up; null for a failed or unknown one. */
    @Override
    public jakarta.servlet.sip.Flow getFlow(String flowToken) {
        return flowLookup.apply(flowToken);
    }

    /** @param listeners supplies the context attribute listeners to notify on attribute changes */
    public void setAttributeListeners(Supplier<List<ServletContextAttributeListener>> listeners) {
        attributes.setListeners(listeners);
    }

    /** @return the application root folder */
    public Path root() {
        return resources.root();
    }

    /**
     * The live map of this context's attributes, for the HTTP side of a converged application,
     * whose servlet context keeps its attributes in the same map: an attribute set on either side
     * is seen by the other. Listeners of each side hear only the changes made on their side.
     *
     * @return the attribute map
     */
    public java.util.concurrent.ConcurrentMap<String, Object> attributeMap() {
        return attributes.map();
    }

    @Override
    public SipApplicationConfiguration getSipApplicationConfiguration() {
        return config;
    }

    @Override
    public SipFactory getSipFactory() {
        return (SipFactory) getAttribute(SipServlet.SIP_FACTORY);
    }

    @Override
    public SipSessionsUtil getSipSessionsUtil() {
        return (SipSessionsUtil) getAttribute(SipServlet.SIP_SESSIONS_UTIL);
    }

    @Override
    public TimerService getTimerService() {
        return (TimerService) getAttribute(SipServlet.TIMER_SERVICE);
    }

    @Override
    public DnsResolver getDnsResolver() {
        return (DnsResolver) getAttribute(SipServlet.DNS_RESOLVER);
    }

    @Override
    public List<String> getSupported() {
        return list(SipServlet.SUPPORTED);
    }

    @Override
    public List<String> getSupportedRfcs() {
        return list(SipServlet.SUPPORTED_RFCs);
    }

    @Override
    public List<SipURI> getOutboundInterfaces() {
        return list(SipServlet.OUTBOUND_INTERFACES);
    }

    @Override
    public List<InetAddress> getOutboundAddresses() {
        return list(SipServlet.OUTBOUND_ADDRESSES);
    }

    @SuppressWarnings("unchecked")
    private <T> List<T> list(String attribute) {
        Object v = getAttribute(attribute);
        return v instanceof List<?> l ? Collections.unmodifiableList((List<T>) l) : List.of();
    }

    @Override
    public String getContextPath() {
        return "";
    }

    @Override
    public ServletContext getContext(String uripath) {
        return null;
    }

    @Override
    public int getMajorVersion() {
        return SERVLET_MAJOR;
    }

    @Override
    public int getMinorVersion() {
        return SERVLET_MINOR;
    }

    @Override
    public int getEffectiveMajorVersion() {
        return SERVLET_MAJOR;
    }

    @Override
    public int getEffectiveMinorVersion() {
        return SERVLET_MINOR;
    }

    @Override
    public String getMimeType(String file) {
        return URLConnection.guessContentTypeFromName(file);
    }

    @Override
    public Set<String> getResourcePaths(String path) {
        return resources.list(path);
    }

    @Override
    public URL getResource(String path) throws MalformedURLException {
        return resources.url(path);
    }

    @Override
    public InputStream getResourceAsStream(String path) {
        return resources.open(path);
    }

    @Override
    public String getRealPath(String path) {
        Path p = resources.resolve(path);
        return p == null ? null : p.toString();
    }

    @Override
    public RequestDispatcher getNamedDispatcher(String name) {
        Servlet servlet = servletLookup.apply(name);
        return servlet == null ? null : new NamedDispatcher(name, servlet);
    }

    @Override
    public void log(String msg) {
        log.info(msg);
    }

    @Override
    public void log(String message, Throwable throwable) {
        log.error(message, throwable);
    }

    @Override
    public String getServerInfo() {
        return SERVER_INFO;
    }

    @Override
    public String getInitParameter(String name) {
        return initParams.get(Objects.requireNonNull(name, "name"));
    }

    @Override
    public Enumeration<String> getInitParameterNames() {
        return Collections.enumeration(new TreeSet<>(initParams.keySet()));
    }

    @Override
    public boolean setInitParameter(String name, String value) {
        if (initialized()) {
            throw new IllegalStateException("setInitParameter: '" + settings.appName() + "' is already initialised");
        }
        return initParams.putIfAbsent(Objects.requireNonNull(name, "name"), value) == null;
    }

    @Override
    public Object getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public Enumeration<String> getAttributeNames() {
        return attributes.names();
    }

    @Override
    public void setAttribute(String name, Object object) {
        attributes.set(name, object);
    }

    @Override
    public void removeAttribute(String name) {
        attributes.remove(name);
    }

    @Override
    public String getServletContextName() {
        return settings.displayName() != null ? settings.displayName() : settings.appName();
    }

    @Override
    public ClassLoader getClassLoader() {
        return settings.classLoader();
    }

    @Override
    public String getVirtualServerName() {
        return "olelo";
    }

    @Override
    public int getSessionTimeout() {
        return settings.sessionTimeoutMinutes();
    }

    @Override
    public String getRequestCharacterEncoding() {
        return requestEncoding;
    }

    @Override
    public void setRequestCharacterEncoding(String encoding) {
        this.requestEncoding = encoding;
    }

    @Override
    public String getResponseCharacterEncoding() {
        return responseEncoding;
    }

    @Override
    public void setResponseCharacterEncoding(String encoding) {
        this.responseEncoding = encoding;
    }

    @Override
    public String toString() {
        return "SipServletContext[" + settings.appName() + "]";
    }
}
