package org.olelo.container.testkit;

import java.util.Map;
import org.olelo.container.internal.deploy.TestApps;

/**
 * Test applications that several test classes deploy: a forking proxy, a recording proxy that
 * says what application selection told it, and any application with one main servlet. Test
 * thread only.
 */
public final class CommonApps {

    /**
     * The forking proxy's source. It proxies every initial request with record-routing to its
     * Request-URI, or to the targets in an {@code X-Targets} header ({@code X-Sequential} for a
     * sequential search, {@code X-Timeout} seconds for Timer C, {@code X-Branch-Route: <index> <uri>}
     * to push a Route on one branch's request before it starts, {@code X-Add-Path: <edge>} to add a
     * Path, {@code X-Unsupervised} for an unsupervised proxy, {@code X-No-Recurse} to hand 3xx
     * responses upstream instead of following them); a request in the dialog with
     * {@code X-Terminate} is answered and makes the proxy end the dialog. With
     * {@code X-Cancel-Reason: proxy} (or {@code branch}) on the request, the first provisional
     * response makes the application cancel the proxy (or that branch) with two Reasons; with
     * {@code X-Report-Branches} the final response carries {@code X-Branches}: each top-level
     * branch's target user, followed by {@code >user} for each branch recursed from it.
     */
    public static final String FORKING_PROXY = """
            package t;
            import jakarta.servlet.sip.*;
            import java.io.IOException;
            import java.util.ArrayList;
            import java.util.List;
            public class ForkingProxy extends SipServlet {
                @Override
                protected void doRequest(SipServletRequest req) throws jakarta.servlet.ServletException, IOException {
                    if (!req.isInitial() && req.getHeader("X-Terminate") != null) {
                        req.createResponse(200).send();
                        req.getSession().terminateProxiedDialog();
                        return;
                    }
                    if (!req.isInitial() || req.getMethod().equals("ACK") || req.getMethod().equals("CANCEL")) {
                        return;
                    }
                    Proxy p = req.getProxy();
                    p.setRecordRoute(true);
                    if (req.getHeader("X-Sequential") != null) {
                        p.setParallel(false);
                    }
                    if (req.getHeader("X-Add-Path") != null) {
                        p.setAddToPath(true);
                        p.getPathURI().setParameter("edge", req.getHeader("X-Add-Path").trim());
                    }
                    if (req.getHeader("X-Unsupervised") != null) {
                        p.setSupervised(false);
                    }
                    if (req.getHeader("X-No-Recurse") != null) {
                        p.setRecurse(false);
                    }
                    String t = req.getHeader("X-Timeout");
                    if (t != null) {
                        p.setProxyTimeout(Integer.parseInt(t.trim()));
                    }
                    String targets = req.getHeader("X-Targets");
                    if (targets == null) {
                        p.proxyTo(req.getRequestURI());
                        return;
                    }
                    SipFactory f = (SipFactory) getServletContext().getAttribute(SIP_FACTORY);
                    List<URI> uris = new ArrayList<>();
                    for (String u : targets.split(" ")) {
                        uris.add(f.createURI(u.trim()));
                    }
                    String branchRoute = req.getHeader("X-Branch-Route");
                    if (branchRoute == null) {
                        p.proxyTo(uris);
                        return;
                    }
                    String[] parts = branchRoute.trim().split(" ");
                    List<ProxyBranch> branches = p.createProxyBranches(uris);
                    branches.get(Integer.parseInt(parts[0])).getRequest().pushRoute(f.createAddress(parts[1]));
                    p.startProxy();
                }

                @Override
                protected void doResponse(SipServletResponse resp) throws jakarta.servlet.ServletException, IOException {
                    Proxy p = resp.getProxy();
                    SipServletRequest orig = p == null ? null : p.getOriginalRequest();
                    String how = orig == null ? null : orig.getHeader("X-Cancel-Reason");
                    if (how != null && resp.getStatus() > 100 && resp.getStatus() < 200) {
                        String[] protocols = {"SIP", "Q.850"};
                        int[] causes = {600, 17};
                        String[] texts = {"Busy Everywhere", "User \\"busy\\""};
                        if (how.trim().equals("branch")) {
                            resp.getProxyBranch().cancel(protocols, causes, texts);
                        } else {
                            p.cancel(protocols, causes, texts);
                        }
                    }
                    if (orig != null && resp.getStatus() >= 200 && !resp.isBranchResponse()
                            && orig.getHeader("X-Report-Branches") != null) {
                        StringBuilder sb = new StringBuilder();
                        for (ProxyBranch b : p.getProxyBranches()) {
                            sb.append(sb.length() == 0 ? "" : " ").append(((SipURI) b.getRequest().getRequestURI()).getUser());
                            for (ProxyBranch r : b.getRecursedProxyBranches()) {
                                sb.append('>').append(((SipURI) r.getRequest().getRequestURI()).getUser());
                            }
                        }
                        resp.setHeader("X-Branches", sb.toString());
                    }
                    super.doResponse(resp);
                }
            }
            """;

    /**
     * The recording proxy's source. Each deployed copy writes what application selection told it
     * into the request before proxying it to its Request-URI with record-routing:
     * {@code X-Seen: <app> region=<type> subscriber=<uri> internal=<bool> popped=<route>
     * initial=<route>} on initial requests, {@code X-Seen-<METHOD>: <app>} on requests in the dialog;
     * {@code X-No-Record-Route-<app>} turns record-routing off for that copy.
     */
    public static final String RECORDER = """
            package t;
            import jakarta.servlet.sip.*;
            import java.io.IOException;
            public class Recorder extends SipServlet {
                @Override
                protected void doRequest(SipServletRequest req) throws jakarta.servlet.ServletException, IOException {
                    String app = req.getApplicationSession().getApplicationName();
                    if (req.getMethod().equals("CANCEL")) {
                        return;
                    }
                    if (!req.isInitial()) {
                        req.addHeader("X-Seen-" + req.getMethod(), app);
                        return;
                    }
                    req.addHeader("X-Seen", app
                            + " region=" + (req.getRegion() == null ? "-" : req.getRegion().getType())
                            + " subscriber=" + req.getSubscriberURI()
                            + " internal=" + req.isInternallyRouted()
                            + " popped=" + req.getPoppedRoute()
                            + " initial=" + req.getInitialPoppedRoute());
                    Proxy p = req.getProxy();
                    p.setRecordRoute(req.getHeader("X-No-Record-Route-" + app) == null);
                    p.proxyTo(req.getRequestURI());
                }
            }
            """;

    private CommonApps() {
    }

    /** @return the forking proxy, application name {@code proxy} */
    public static TestApps forkingProxy() {
        return TestApps.app().java("t.ForkingProxy", FORKING_PROXY).sipXml(sipXml("proxy", "fork", "t.ForkingProxy", ""));
    }

    /** @return the recording proxy under the application name {@code name} */
    public static TestApps recorder(String name) {
        return TestApps.app().java("t.Recorder", RECORDER).sipXml(sipXml(name, "rec", "t.Recorder", ""));
    }

    /**
     * An application whose main servlet handles every request; the classes whose names end in
     * {@code Listener} are declared as listeners.
     *
     * @param name    the application name
     * @param servlet the main servlet's class name
     * @param sources class name to Java source
     */
    public static TestApps servlet(String name, String servlet, Map<String, String> sources) {
        TestApps app = TestApps.app();
        sources.forEach(app::java);
        StringBuilder listeners = new StringBuilder();
        for (String cls : sources.keySet()) {
            if (cls.endsWith("Listener")) {
                listeners.append("  <listener><listener-class>").append(cls).append("</listener-class></listener>\n");
            }
        }
        return app.sipXml(sipXml(name, "main", servlet, listeners.toString()));
    }

    private static String sipXml(String app, String servletName, String servletClass, String more) {
        return """
                <sip-app xmlns="http://xmlns.jcp.org/xml/ns/javaee">
                  <app-name>%s</app-name>
                  <servlet><servlet-name>%s</servlet-name><servlet-class>%s</servlet-class></servlet>
                  <servlet-selection><main-servlet>%s</main-servlet></servlet-selection>
                %s</sip-app>
                """.formatted(app, servletName, servletClass, servletName, more);
    }
}
