package org.olelo.container.internal.router;

import jakarta.servlet.sip.SipServletRequest;
import jakarta.servlet.sip.ar.SipApplicationRouterInfo;
import jakarta.servlet.sip.ar.SipApplicationRoutingDirective;
import jakarta.servlet.sip.ar.SipApplicationRoutingRegion;
import jakarta.servlet.sip.ar.SipRouteModifier;
import jakarta.servlet.sip.ar.SipTargetedRequestInfo;
import jakarta.servlet.sip.ar.SipTargetedRequestType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.container.internal.deploy.AppDeployer;
import org.olelo.container.internal.deploy.AppRegistry;
import org.olelo.container.internal.deploy.Fakes;
import org.olelo.container.internal.deploy.TestApps;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DefaultApplicationRouterTest {

    static final String ROUTING = """
            # Olelo routing
            ! also a comment

            INVITE: ("lcr", "DAR:From", "TERMINATING", "", "NO_ROUTE", "0", \\
                        "ruri.user=~^\\+?[0-9]{6,}$ && transport=udp"), \\
                    ("proxy", "DAR:To", "ORIGINATING", "", "NO_ROUTE", "1"), \\
                    ("b2bua", "sip:boss@example.com", "NEUTRAL", "sip:edge.example.com;lr", "ROUTE_BACK", "2")
            REGISTER = ("registrar", "DAR:To", "TERMINATING", "", "NO_ROUTE", "0", "source=127.0.0.0/8")
            MESSAGE: ("im", "DAR:P-Asserted-Identity", "ORIGINATING", "", "NO_ROUTE", "0", "header.X-Service = chat")
            ALL: ("proxy", "DAR:From", "NEUTRAL", "", "NO_ROUTE", "0")
            """;

    @TempDir
    Path tmp;

    Path file;
    DefaultApplicationRouter router;

    @BeforeEach
    void setUp() throws Exception {
        file = tmp.resolve("routing.properties");
        Files.writeString(file, ROUTING);
        router = new DefaultApplicationRouter(file);
        router.init();
        router.applicationDeployed(List.of("lcr", "proxy", "b2bua", "registrar", "im"));
    }

    static Fakes.Request invite(String user, String transport) {
        return Fakes.request("INVITE", Fakes.sipUri("sip", user, "example.com", -1, Map.of()))
                .with("getTransport", transport)
                .with("getRemoteAddr", "192.0.2.7")
                .header("From", Fakes.address(null, Fakes.sipUri("sip", "alice", "a.example", -1, Map.of())))
                .header("To", Fakes.address(null, Fakes.sipUri("sip", "bob", "b.example", -1, Map.of())));
    }

    private SipApplicationRouterInfo next(SipServletRequest r, Serializable state) {
        return router.getNextApplication(r, null, state == null ? SipApplicationRoutingDirective.NEW
                : SipApplicationRoutingDirective.CONTINUE, null, state);
    }

    private List<String> chain(SipServletRequest r) {
        List<String> apps = new ArrayList<>();
        Serializable state = null;
        for (SipApplicationRouterInfo i = next(r, null); i != null; i = next(r, state)) {
            apps.add(i.getNextApplicationName());
            state = i.getStateInfo();
        }
        return apps;
    }

    @Test
    void parsesTheFile() {
        assertNull(router.lastError());
        RoutingTable t = router.table();
        assertEquals(3, t.tuples("INVITE").size());
        RouteTuple lcr = t.tuples("INVITE").get(0);
        assertEquals("lcr", lcr.application());
        assertEquals(4, lcr.line());
        assertEquals("ruri.user=~^\\+?[0-9]{6,}$", lcr.conditions().get(0).toString());
        assertEquals("transport=udp", lcr.conditions().get(1).toString());
        RouteTuple b2bua = t.tuples("INVITE").get(2);
        assertEquals(7, b2bua.line());
        assertSame(SipApplicationRoutingRegion.NEUTRAL_REGION, b2bua.region());
        assertEquals(SipRouteModifier.ROUTE_BACK, b2bua.modifier());
        assertEquals("sip:edge.example.com;lr", b2bua.route());
        assertEquals("ALL", t.keyFor("OPTIONS"));
        assertEquals("REGISTER", t.keyFor("register"));
    }

    @Test
    void walksTheTuplesInOrderSkippingThoseWhoseConditionsFail() {
        assertEquals(List.of("lcr", "proxy", "b2bua"), chain(invite("+4930123456", "UDP").build()));
        assertEquals(List.of("proxy", "b2bua"), chain(invite("+4930123456", "tcp").build()));
        assertEquals(List.of("proxy", "b2bua"), chain(invite("alice", "udp").build()));
    }

    @Test
    void returnsRegionSubscriberRoutesAndModifier() {
        SipServletRequest r = invite("123456", "udp").build();
        SipApplicationRouterInfo lcr = next(r, null);
        assertSame(SipApplicationRoutingRegion.TERMINATING_REGION, lcr.getRoutingRegion());
        assertEquals("sip:alice@a.example", lcr.getSubscriberURI());
        assertEquals(SipRouteModifier.NO_ROUTE, lcr.getRouteModifier());
        assertArrayEquals(new String[0], lcr.getRoutes());
        SipApplicationRouterInfo proxy = next(r, lcr.getStateInfo());
        assertEquals("sip:bob@b.example", proxy.getSubscriberURI());
        SipApplicationRouterInfo b2bua = next(r, proxy.getStateInfo());
        assertEquals("sip:boss@example.com", b2bua.getSubscriberURI());
        assertArrayEquals(new String[] {"sip:edge.example.com;lr"}, b2bua.getRoutes());
        assertNull(next(r, b2bua.getStateInfo()));
    }

    @Test
    void allIsTheFallbackAndUndeployedApplicationsAreSkipped() {
        SipServletRequest options = Fakes.request("OPTIONS", Fakes.sipUri("sip", "x", "h", -1, Map.of()))
                .header("From", Fakes.address(null, Fakes.sipUri("sip", "carol", "c.example", -1, Map.of()))).build();
        SipApplicationRouterInfo i = next(options, null);
        assertEquals("proxy", i.getNextApplicationName());
        assertEquals("sip:carol@c.example", i.getSubscriberURI());
        router.applicationUndeployed(List.of("proxy"));
        assertNull(next(options, null));
        assertEquals(List.of("b2bua"), chain(invite("alice", "udp").build()));
    }

    @Test
    void sourceAndHeaderConditions() {
        Fakes.Request reg = Fakes.request("REGISTER", Fakes.sipUri("sip", null, "example.com", -1, Map.of()))
                .header("To", Fakes.address(null, Fakes.sipUri("sip", "dave", "example.com", -1, Map.of())));
        assertEquals("registrar", next(reg.with("getRemoteAddr", "127.3.4.5").build(), null).getNextApplicationName());
        assertNull(next(reg.with("getRemoteAddr", "10.0.0.1").build(), null));
        assertNull(next(reg.with("getRemoteAddr", null).build(), null));

        Fakes.Request msg = Fakes.request("MESSAGE", Fakes.sipUri("sip", "x", "h", -1, Map.of()))
                .header("P-Asserted-Identity", Fakes.address("Eve", Fakes.sipUri("sip", "eve", "e.example", -1, Map.of())));
        assertNull(next(msg.build(), null));
        SipApplicationRouterInfo im = next(msg.header("X-Service", "Chat").build(), null);
        assertEquals("im", im.getNextApplicationName());
        assertEquals("sip:eve@e.example", im.getSubscriberURI());
    }

    @Test
    void targetedRequestsGoToTheirApplication() {
        SipServletRequest r = invite("alice", "udp").build();
        SipApplicationRouterInfo i = router.getNextApplication(r, null, SipApplicationRoutingDirective.NEW,
                new SipTargetedRequestInfo(SipTargetedRequestType.ENCODED_URI, "b2bua"), null);
        assertEquals("b2bua", i.getNextApplicationName());
        assertSame(SipApplicationRoutingRegion.NEUTRAL_REGION, i.getRoutingRegion());
        assertNull(router.getNextApplication(r, null, SipApplicationRoutingDirective.NEW,
                new SipTargetedRequestInfo(SipTargetedRequestType.ENCODED_URI, "gone"), null));
    }

    private void rewrite(String content) throws Exception {
        FileTime before = Files.getLastModifiedTime(file);
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.fromMillis(before.toMillis() + 2000));
    }

    @Test
    void aBrokenFileKeepsTheOldTableAndAFixedOneIsLoaded() throws Exception {
        RoutingTable old = router.table();
        rewrite("""
                # broken
                INVITE: ("proxy", "DAR:From", "ORIGINATING", "", "NO_ROUTE", "0"), \\
                        ("lcr", "DAR:From", "SIDEWAYS", "", "NO_ROUTE", "1")
                """);
        assertFalse(router.reloadIfChanged());
        RoutingError e = router.lastError();
        assertNotNull(e);
        assertEquals(file, e.file());
        assertEquals(3, e.line());
        assertTrue(e.reason().contains("expected ORIGINATING, TERMINATING or NEUTRAL"), e::toString);
        assertTrue(e.toString().startsWith(file + ":3: "), e::toString);
        assertSame(old, router.table());
        assertFalse(router.reloadIfChanged(), "an unchanged broken file is not parsed again");
        assertEquals("lcr", next(invite("123456", "udp").build(), null).getNextApplicationName());

        rewrite("INVITE: (\"b2bua\", \"DAR:From\", \"ORIGINATING\", \"\", \"NO_ROUTE\", \"0\")\n");
        assertTrue(router.reloadIfChanged());
        assertNull(router.lastError());
        assertEquals(List.of("b2bua"), chain(invite("123456", "udp").build()));
    }

    @Test
    void aMissingFileMeansNoApplication() throws Exception {
        Files.delete(file);
        assertTrue(router.reloadIfChanged());
        assertNull(next(invite("alice", "udp").build(), null));
        assertNull(router.lastError());
    }

    @Test
    void followsTheApplicationsOfADeployer() throws Exception {
        Path apps = Files.createDirectories(tmp.resolve("apps"));
        TestApps.app().java("p.Front", """
                package p;
                @jakarta.servlet.sip.annotation.SipServlet
                public class Front extends jakarta.servlet.sip.SipServlet { }
                """).writeFolder(apps.resolve("proxy"));
        AppRegistry registry = new AppRegistry();
        DefaultApplicationRouter fresh = new DefaultApplicationRouter(file);
        fresh.init();
        ApplicationRouterNotifier.attach(registry, fresh);
        SipServletRequest options = Fakes.request("OPTIONS", Fakes.sipUri("sip", "x", "h", -1, Map.of())).build();
        assertNull(fresh.getNextApplication(options, null, SipApplicationRoutingDirective.NEW, null, null));
        AppDeployer deployer = new AppDeployer(apps, tmp.resolve("work"), new Fakes.Services(), registry);
        deployer.start();
        try {
            assertEquals("proxy", fresh.getNextApplication(options, null, SipApplicationRoutingDirective.NEW, null, null)
                    .getNextApplicationName());
        } finally {
            deployer.stop();
        }
        assertNull(fresh.getNextApplication(options, null, SipApplicationRoutingDirective.NEW, null, null));
    }
}
