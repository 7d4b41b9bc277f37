package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.olelo.core.testkit.SipText.contactUri;
import static org.olelo.core.testkit.SipText.header;
import static org.olelo.core.testkit.SipText.status;

import jakarta.servlet.sip.SipServletRequest;
import jakarta.servlet.sip.ar.SipApplicationRouter;
import jakarta.servlet.sip.ar.SipApplicationRouterInfo;
import jakarta.servlet.sip.ar.SipApplicationRoutingDirective;
import jakarta.servlet.sip.ar.SipApplicationRoutingRegion;
import jakarta.servlet.sip.ar.SipRouteModifier;
import jakarta.servlet.sip.ar.SipTargetedRequestInfo;
import java.io.Serializable;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.container.internal.SipContainer;
import org.olelo.container.internal.deploy.AppDeployer;
import org.olelo.container.internal.deploy.AppRegistry;
import org.olelo.container.internal.deploy.TestApps;
import org.olelo.container.internal.router.ApplicationRouterNotifier;
import org.olelo.container.internal.runtime.ContainerRuntime;
import org.olelo.core.CoreConfig;
import org.olelo.core.SipCore;
import org.olelo.core.testkit.MemoryPeer;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipPeer;
import org.olelo.core.transport.InMemoryTransport;

/**
 * Session targeting (JSR 289 §15.11): an initial request whose Request-URI an application session
 * encoded, or whose Join or Replaces header names a dialog of an application here, reaches the
 * application router with a {@code SipTargetedRequestInfo} of that kind and application, and,
 * when the router chooses that application, joins the targeted application session. A Replaces
 * that names no dialog here is untargeted. Runs in memory with a recording router.
 */
class TargetedRequestTest {


    /** One call of the router: directive, and the targeting it was told (type:application or "-"). */
    record Call(String method, SipApplicationRoutingDirective directive, String targeted) {
    }

    /** Every new request to "svc", a targeted one to its target; records the calls. */
    static final class RecordingRouter implements SipApplicationRouter {
        private final List<Call> calls = new ArrayList<>();

        @Override
        public synchronized SipApplicationRouterInfo getNextApplication(SipServletRequest request,
                SipApplicationRoutingRegion region, SipApplicationRoutingDirective directive,
                SipTargetedRequestInfo targeted, Serializable stateInfo) {
            calls.add(new Call(request.getMethod(), directive,
                    targeted == null ? "-" : targeted.getType() + ":" + targeted.getApplicationName()));
            if (directive != SipApplicationRoutingDirective.NEW) {
                return null;
            }
            String app = targeted == null ? "svc" : targeted.getApplicationName();
            return new SipApplicationRouterInfo(app, SipApplicationRoutingRegion.NEUTRAL_REGION, null, null,
                    SipRouteModifier.NO_ROUTE, null);
        }

        synchronized Call last() {
            return calls.get(calls.size() - 1);
        }

        @Override
        public void init() {
        }

        @Override
        public void init(Properties properties) {
        }

        @Override
        public void destroy() {
        }

        @Override
        public void applicationDeployed(List<String> names) {
        }

        @Override
        public void applicationUndeployed(List<String> names) {
        }
    }

    private static final String SVC = """
            package t;
            import jakarta.servlet.sip.*;
            import java.io.IOException;
            public class Svc extends SipServlet {
                @Override
                protected void doRequest(SipServletRequest req) throws jakarta.servlet.ServletException, IOException {
                    if (req.getMethod().equals("ACK")) {
                        return;
                    }
                    SipApplicationSession as = req.getApplicationSession();
                    SipServletResponse ok = req.createResponse(200);
                    ok.setHeader("X-AS", as.getId());
                    ok.setHeader("X-Session", req.getSession().getId());
                    URI encoded = ((SipFactory) getServletContext().getAttribute(SIP_FACTORY)).createURI("sip:svc@127.0.0.1");
                    as.encodeURI(encoded);
                    ok.setHeader("X-Encoded", encoded.toString());
                    SipSessionsUtil util = (SipSessionsUtil) getServletContext().getAttribute(SIP_SESSIONS_UTIL);
                    for (String h : new String[] {"Join", "Replaces"}) {
                        SipSession other = req.getHeader(h) == null ? null : util.getCorrespondingSipSession(req.getSession(), h);
                        if (other != null) {
                            ok.setHeader("X-Corresponding", other.getId());
                        }
                    }
                    ok.send();
                }
            }
            """;

    @TempDir
    Path tmp;
    private SipCore core;
    private ContainerRuntime runtime;
    private AppDeployer deployer;
    private InMemoryTransport memory;
    private final RecordingRouter router = new RecordingRouter();

    @AfterEach
    void stop() {
        if (core != null) {
            core.close();
        }
        if (deployer != null) {
            deployer.stop();
        }
        if (runtime != null) {
            runtime.close();
        }
    }

    private void startServer() throws Exception {
        Path apps = Files.createDirectories(tmp.resolve("apps"));
        TestApps.app().java("t.Svc", SVC).sipXml("""
                <sip-app xmlns="http://xmlns.jcp.org/xml/ns/javaee">
                  <app-name>svc</app-name>
                  <servlet><servlet-name>svc</servlet-name><servlet-class>t.Svc</servlet-class></servlet>
                </sip-app>
                """).writeFolder(apps.resolve("svc"));
        memory = InMemoryTransport.udp();
        core = new SipCore(CoreConfig.defaults().withListen(List.of()), host -> new InetAddress[] {InetAddress.getLoopbackAddress()});
        core.addInMemory(memory);
        runtime = new ContainerRuntime(core, java.util.Set.of());
        AppRegistry registry = new AppRegistry();
        ApplicationRouterNotifier.attach(registry, router);
        SipContainer container = new SipContainer(runtime, router, registry, false);
        deployer = new AppDeployer(apps, tmp.resolve("work"), container, registry, 60_000);
        deployer.start();
        core.start(container);
        container.coreStarted();
    }

    /** A request from the peer; {@code extra} header lines end in CRLF. Returns its final response. */
    private static String send(SipPeer peer, String method, String ruri, String callId, String fromTag, String toTag,
                               String extra) throws Exception {
        peer.send(SipBuilder.request(method, ruri).via(peer).from("<sip:alice@127.0.0.1>;tag=" + fromTag)
                .to("<sip:svc@127.0.0.1>").toTag(toTag).callId(callId).contact("alice", peer).lines(extra));
        return method.equals("ACK") ? null : peer.next(3000);
    }

    private static String tagOf(String to) {
        return to.substring(to.indexOf("tag=") + 4).split(";")[0].trim();
    }

    @Test
    void encodedUriJoinAndReplacesReachTheRouterAndJoinTheTargetedSession() throws Exception {
        startServer();
        try (SipPeer caller = new MemoryPeer(memory, 5311)) {
            String callId = "targeted-" + SipBuilder.next();
            String first = send(caller, "INVITE", "sip:svc@127.0.0.1", callId, "f1", null, "");
            assertNotNull(first);
            assertEquals(200, status(first), first);
            assertEquals(new Call("INVITE", SipApplicationRoutingDirective.NEW, "-"), router.last());
            String target = header(first, "X-AS");
            String dialog = callId + ";to-tag=" + tagOf(header(first, "To")) + ";from-tag=f1";
            send(caller, "ACK", contactUri(first), callId, "f1", tagOf(header(first, "To")), "");

            String message = send(caller, "MESSAGE", header(first, "X-Encoded"), "targeted-" + SipBuilder.next(),
                    "f2", null, "");
            assertEquals(200, status(message), message);
            assertEquals(new Call("MESSAGE", SipApplicationRoutingDirective.NEW, "ENCODED_URI:svc"), router.last());
            assertEquals(target, header(message, "X-AS"), "the encoded URI's request joins its application session");

            String replacing = send(caller, "INVITE", "sip:svc@127.0.0.1", "targeted-" + SipBuilder.next(), "f3", null,
                    "Replaces: " + dialog + "\r\n");
            assertEquals(200, status(replacing), replacing);
            assertEquals(new Call("INVITE", SipApplicationRoutingDirective.NEW, "REPLACES:svc"), router.last());
            assertEquals(target, header(replacing, "X-AS"), "the replacing INVITE joins the replaced dialog's session");
            assertEquals(header(first, "X-Session"), header(replacing, "X-Corresponding"));

            String joining = send(caller, "INVITE", "sip:svc@127.0.0.1", "targeted-" + SipBuilder.next(), "f4", null,
                    "Join: " + dialog + "\r\n");
            assertEquals(200, status(joining), joining);
            assertEquals(new Call("INVITE", SipApplicationRoutingDirective.NEW, "JOIN:svc"), router.last());
            assertEquals(target, header(joining, "X-AS"));

            String stranger = send(caller, "INVITE", "sip:svc@127.0.0.1", "targeted-" + SipBuilder.next(), "f5", null,
                    "Replaces: " + callId + ";to-tag=nobody;from-tag=f1\r\n");
            assertEquals(200, status(stranger), stranger);
            assertEquals(new Call("INVITE", SipApplicationRoutingDirective.NEW, "-"), router.last(),
                    "a Replaces naming no dialog here targets nothing");
            assertNotEquals(target, header(stranger, "X-AS"));
        }
    }
}
