package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.olelo.core.testkit.SipText.headers;
import static org.olelo.core.testkit.SipText.response;
import static org.olelo.core.testkit.SipText.status;

import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.container.internal.SipContainer;
import org.olelo.container.internal.deploy.AppDeployer;
import org.olelo.container.internal.deploy.AppRegistry;
import org.olelo.container.internal.message.SipServletRequestImpl;
import org.olelo.container.internal.router.ApplicationRouterNotifier;
import org.olelo.container.internal.runtime.ContainerRuntime;
import org.olelo.container.internal.runtime.InternalHop;
import org.olelo.container.testkit.CommonApps;
import org.olelo.core.CoreConfig;
import org.olelo.core.SipCore;
import org.olelo.core.message.ParseOutcome;
import org.olelo.core.message.SipParser;
import org.olelo.core.testkit.MemoryPeer;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipPeer;
import org.olelo.core.transaction.ClientTransaction;
import org.olelo.core.transaction.ClientTransactionListener;
import org.olelo.core.transport.InMemoryTransport;

/**
 * What the container tells an application router, call by call, along a chain: region, directive
 * and state info of the previous decision; and what the applications see of the decision (an
 * internal route returned with {@code ROUTE} becomes their popped route). Runs in memory with a
 * scripted router in place of the default one.
 */
class RouterCallsTest {

    private static final String INTERNAL_ROUTE = "<sip:127.0.0.1:5060;lr;svc=voicemail>";

    /** One call of the router as the container made it. */
    record Call(String method, SipApplicationRoutingRegion region, SipApplicationRoutingDirective directive,
                Serializable stateInfo) {
    }

    /** orig (ORIGINATING) → term (TERMINATING, with an internal route) → the network. */
    static final class ScriptedRouter implements SipApplicationRouter {
        final List<Call> calls = new ArrayList<>();

        @Override
        public synchronized SipApplicationRouterInfo getNextApplication(SipServletRequest request,
                SipApplicationRoutingRegion region, SipApplicationRoutingDirective directive,
                SipTargetedRequestInfo targeted, Serializable stateInfo) {
            calls.add(new Call(request.getMethod(), region, directive, stateInfo));
            if (stateInfo == null) {
                return new SipApplicationRouterInfo("orig", SipApplicationRoutingRegion.ORIGINATING_REGION,
                        "sip:alice@example.com", null, SipRouteModifier.NO_ROUTE, "after-orig");
            }
            if (stateInfo.equals("after-orig")) {
                return new SipApplicationRouterInfo("term", SipApplicationRoutingRegion.TERMINATING_REGION,
                        "sip:bob@example.com", new String[] {INTERNAL_ROUTE}, SipRouteModifier.ROUTE, "after-term");
            }
            return null;
        }

        synchronized List<Call> calls() {
            return List.copyOf(calls);
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

    @TempDir
    Path tmp;
    private SipCore core;
    private ContainerRuntime runtime;
    private AppDeployer deployer;

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

    private InMemoryTransport memory;
    private SipContainer container;
    private final ScriptedRouter router = new ScriptedRouter();

    private void startServer() throws Exception {
        Path apps = tmp.resolve("apps");
        Files.createDirectories(apps);
        for (String a : List.of("orig", "term")) {
            CommonApps.recorder(a).writeFolder(apps.resolve(a));
        }
        memory = InMemoryTransport.udp();
        core = new SipCore(CoreConfig.defaults().withListen(List.of()), host -> new InetAddress[] {InetAddress.getLoopbackAddress()});
        core.addInMemory(memory);
        runtime = new ContainerRuntime(core, java.util.Set.of());
        AppRegistry registry = new AppRegistry();
        ApplicationRouterNotifier.attach(registry, router);
        container = new SipContainer(runtime, router, registry, false);
        deployer = new AppDeployer(apps, tmp.resolve("work"), container, registry, 60_000);
        deployer.start();
        core.start(container);
        container.coreStarted();
    }

    @Test
    void eachApplicationIsChosenByOneCallCarryingThePreviousRegionAndState() throws Exception {
        startServer();
        try (SipPeer caller = new MemoryPeer(memory, 5301); SipPeer callee = new MemoryPeer(memory, 5302)) {
            String ruri = "sip:bob@127.0.0.1:5302";
            caller.send(SipBuilder.request("MESSAGE", ruri).via(caller).from("<sip:alice@example.com>"));
            String msg = callee.receive(3000);
            assertNotNull(msg, "the request reaches the network after both applications");
            List<String> seen = headers(msg, "X-Seen");
            assertEquals(2, seen.size(), msg);
            assertTrue(seen.get(0).startsWith("orig region=ORIGINATING subscriber=sip:alice@example.com internal=false popped=null"),
                    seen.get(0));
            assertEquals("term region=TERMINATING subscriber=sip:bob@example.com internal=true popped=" + INTERNAL_ROUTE
                    + " initial=" + INTERNAL_ROUTE, seen.get(1));
            callee.send(SipBuilder.response(msg, 200, "OK").toTag("rc"));
            String ok = caller.finalResponse(3000);
            assertNotNull(ok);
            assertEquals(200, status(ok));
        }
        assertEquals(List.of(
                new Call("MESSAGE", null, SipApplicationRoutingDirective.NEW, null),
                new Call("MESSAGE", SipApplicationRoutingRegion.ORIGINATING_REGION, SipApplicationRoutingDirective.CONTINUE, "after-orig"),
                new Call("MESSAGE", SipApplicationRoutingRegion.TERMINATING_REGION, SipApplicationRoutingDirective.CONTINUE, "after-term")),
                router.calls());
    }

    @Test
    void aNewRequestAnApplicationSendsStartsASelectionOfItsOwn() throws Exception {
        startServer();
        try (SipPeer callee = new MemoryPeer(memory, 5303)) {
            String ruri = "sip:carol@127.0.0.1:5303";
            SIPRequest wire = (SIPRequest) ((ParseOutcome.Parsed) SipParser.parse(SipBuilder.request("MESSAGE", ruri)
                    .from("<sip:service@example.com>").viaValue("SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK-placeholder")
                    .bytes())).message();
            wire.removeHeader("Via");
            SipServletRequestImpl sent = SipServletRequestImpl.created(wire, null, true);
            InternalHop hop = container.composer().beforeSendInitial(sent);
            assertNotNull(hop, "the router names an application of this server");
            wire.addFirst(core.newVia(hop.hop().transport(), hop.branch()));
            BlockingQueue<Integer> statuses = new LinkedBlockingQueue<>();
            core.transactions().sendRequest(wire, hop.hop(), new ClientTransactionListener() {
                @Override
                public void onResponse(ClientTransaction tx, SIPResponse response) {
                    statuses.add(response.getStatusCode());
                }

                @Override
                public void onTimeout(ClientTransaction tx) {
                }

                @Override
                public void onTransportError(ClientTransaction tx, java.io.IOException error) {
                }
            });
            String msg = callee.receive(3000);
            assertNotNull(msg, "the request went through both applications to the network");
            List<String> seen = headers(msg, "X-Seen");
            assertEquals(2, seen.size(), msg);
            assertTrue(seen.get(0).startsWith("orig region=ORIGINATING subscriber=sip:alice@example.com internal=true popped=null initial=null"),
                    seen.get(0));
            assertTrue(seen.get(1).startsWith("term region=TERMINATING"), seen.get(1));
            callee.send(SipBuilder.response(msg, 200, "OK").toTag("ua"));
            Integer st;
            do {
                st = statuses.poll(3, TimeUnit.SECONDS);
            } while (st != null && st < 200);
            assertEquals(200, st, "the answer came back to the sender's client transaction");
        }
        assertEquals(new Call("MESSAGE", null, SipApplicationRoutingDirective.NEW, null), router.calls().get(0));
        assertEquals(3, router.calls().size(), router.calls().toString());
    }
}
