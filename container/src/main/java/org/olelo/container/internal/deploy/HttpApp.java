package org.olelo.container.internal.deploy;

import java.util.List;
import java.util.function.Function;
import org.olelo.container.internal.context.SipServletContextImpl;

/**
 * What the HTTP side of an application is built from, handed to
 * {@link AppServicesFactory#startHttp} once its SIP side is initialised. Deployer thread only.
 *
 * @param app          the application (registered only after the HTTP side started)
 * @param context      its SIP servlet context, whose attributes and init parameters the HTTP side shares
 * @param web          its web.xml
 * @param webAnnotated the classes carrying {@code @WebServlet}, {@code @WebFilter} or {@code @WebListener}
 * @param instances    creates an instance of an application class through its CDI container
 *                     (injected; destroyed with the application)
 */
public record HttpApp(DeployedApp app, SipServletContextImpl context, WebDescriptor web, List<String> webAnnotated,
                      Function<Class<?>, Object> instances) {

    /** @return whether the application has anything to serve over HTTP */
    public boolean hasHttpParts() {
        return web.present() || !webAnnotated.isEmpty();
    }
}
