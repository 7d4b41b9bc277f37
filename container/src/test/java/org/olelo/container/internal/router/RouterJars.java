package org.olelo.container.internal.router;

import java.nio.file.Path;
import org.olelo.container.internal.deploy.TestApps;

/**
 * Builds custom application routers as their authors package them: a jar compiled against the API
 * only, with a {@code META-INF/services/jakarta.servlet.sip.ar.spi.SipApplicationRouterProvider}
 * entry. Its classes are never on the test class path. Test thread only.
 *
 * <p>{@code r.EchoRouter} gives each new initial request to the application its {@code app}
 * property names while that application is deployed (as {@code applicationDeployed} and
 * {@code applicationUndeployed} told it), with the subscriber URI
 * {@code sip:<user property>@<name of the olelo.deploy.dir folder>}; otherwise, when its
 * {@code fallback} property holds a SIP URI, it routes the request out there ({@code ROUTE}).
 * {@code r.SilentRouter} never chooses anything; {@code r.FailingRouter} throws in {@code init}.
 * Each has a provider: {@code r.EchoRouterProvider}, {@code r.SilentRouterProvider},
 * {@code r.FailingRouterProvider}.
 */
public final class RouterJars {

    /** Entry name of the provider list in a jar. */
    public static final String SERVICES = "META-INF/services/jakarta.servlet.sip.ar.spi.SipApplicationRouterProvider";

    private RouterJars() {
    }

    /**
     * @param jar      the jar to write
     * @param scratch  an empty folder to build it in
     * @param services the provider classes to list in its services entry, one a line; null for no entry
     * @return {@code jar}
     */
    public static Path write(Path jar, Path scratch, String services) {
        TestApps classes = TestApps.app().java("r.EchoRouter", """
                package r;
                import jakarta.servlet.sip.SipServletRequest;
                import jakarta.servlet.sip.ar.*;
                import java.io.Serializable;
                import java.nio.file.Path;
                import java.util.*;
                import java.util.concurrent.CopyOnWriteArraySet;
                public class EchoRouter implements SipApplicationRouter {
                    private final Set<String> deployed = new CopyOnWriteArraySet<>();
                    private volatile Properties props = new Properties();
                    public void init() { }
                    public void init(Properties p) { props = p; }
                    public void destroy() { deployed.clear(); }
                    public void applicationDeployed(List<String> names) { deployed.addAll(names); }
                    public void applicationUndeployed(List<String> names) { deployed.removeAll(names); }
                    public SipApplicationRouterInfo getNextApplication(SipServletRequest req, SipApplicationRoutingRegion region,
                            SipApplicationRoutingDirective directive, SipTargetedRequestInfo targeted, Serializable state) {
                        if (state != null) {
                            return null;
                        }
                        String app = props.getProperty("app");
                        if (app != null && deployed.contains(app)) {
                            String subscriber = "sip:" + props.getProperty("user") + "@"
                                    + Path.of(props.getProperty("olelo.deploy.dir")).getFileName();
                            return new SipApplicationRouterInfo(app, SipApplicationRoutingRegion.NEUTRAL_REGION, subscriber,
                                    null, SipRouteModifier.NO_ROUTE, "chosen");
                        }
                        String fallback = props.getProperty("fallback");
                        return fallback == null ? null : new SipApplicationRouterInfo(null, null, null,
                                new String[] {fallback}, SipRouteModifier.ROUTE, "out");
                    }
                }
                """).java("r.EchoRouterProvider", """
                package r;
                public class EchoRouterProvider extends jakarta.servlet.sip.ar.spi.SipApplicationRouterProvider {
                    public jakarta.servlet.sip.ar.SipApplicationRouter getSipApplicationRouter() { return new EchoRouter(); }
                }
                """).java("r.SilentRouter", """
                package r;
                public class SilentRouter extends EchoRouter {
                    @Override
                    public jakarta.servlet.sip.ar.SipApplicationRouterInfo getNextApplication(
                            jakarta.servlet.sip.SipServletRequest req, jakarta.servlet.sip.ar.SipApplicationRoutingRegion region,
                            jakarta.servlet.sip.ar.SipApplicationRoutingDirective directive,
                            jakarta.servlet.sip.ar.SipTargetedRequestInfo targeted, java.io.Serializable state) {
                        return null;
                    }
                }
                """).java("r.SilentRouterProvider", """
                package r;
                public class SilentRouterProvider extends jakarta.servlet.sip.ar.spi.SipApplicationRouterProvider {
                    public jakarta.servlet.sip.ar.SipApplicationRouter getSipApplicationRouter() { return new SilentRouter(); }
                }
                """).java("r.FailingRouter", """
                package r;
                public class FailingRouter extends EchoRouter {
                    @Override
                    public void init(java.util.Properties p) { throw new IllegalStateException("no routing database"); }
                }
                """).java("r.FailingRouterProvider", """
                package r;
                public class FailingRouterProvider extends jakarta.servlet.sip.ar.spi.SipApplicationRouterProvider {
                    public jakarta.servlet.sip.ar.SipApplicationRouter getSipApplicationRouter() { return new FailingRouter(); }
                }
                """);
        if (services != null) {
            classes.file(SERVICES, services);
        }
        return classes.writeJar(jar, scratch);
    }
}
