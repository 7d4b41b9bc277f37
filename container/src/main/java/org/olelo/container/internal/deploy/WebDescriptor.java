package org.olelo.container.internal.deploy;

import java.util.List;
import java.util.Map;

/**
 * The HTTP part of an application as its {@code WEB-INF/web.xml} declares it: context parameters
 * (shared with the SIP side), servlets, filters, listeners and the HTTP session timeout. The
 * {@code @WebServlet}, {@code @WebFilter} and {@code @WebListener} classes come on top of it when
 * the HTTP side is built. Immutable; made on the deployer thread.
 *
 * @param present               whether the application has a {@code web.xml}
 * @param contextParams         context parameters by name
 * @param servlets              the declared servlets
 * @param filters               the declared filters, in declaration order (their order in the chain)
 * @param listeners             listener class names
 * @param sessionTimeoutMinutes the HTTP session timeout, or -1 for the default
 */
public record WebDescriptor(boolean present, Map<String, String> contextParams, List<Servlet> servlets,
                            List<Filter> filters, List<String> listeners, int sessionTimeoutMinutes) {

    /** @return the descriptor of an application without web.xml */
    public static WebDescriptor none() {
        return new WebDescriptor(false, Map.of(), List.of(), List.of(), List.of(), -1);
    }

    /**
     * An HTTP servlet of web.xml.
     *
     * @param name          its name
     * @param className     its class
     * @param urlPatterns   the URL patterns mapped to it
     * @param initParams    its init parameters
     * @param loadOnStartup its load-on-startup value, or -1
     * @param async         whether it supports asynchronous processing
     */
    public record Servlet(String name, String className, List<String> urlPatterns, Map<String, String> initParams,
                          int loadOnStartup, boolean async) {
    }

    /**
     * A filter of web.xml.
     *
     * @param name         its name
     * @param className    its class
     * @param urlPatterns  the URL patterns it filters
     * @param servletNames the servlets it filters
     * @param initParams   its init parameters
     * @param async        whether it supports asynchronous processing
     */
    public record Filter(String name, String className, List<String> urlPatterns, List<String> servletNames,
                         Map<String, String> initParams, boolean async) {
    }
}
