package org.olelo.container.internal.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import jakarta.servlet.sip.ar.SipApplicationRouterInfo;
import jakarta.servlet.sip.ar.SipApplicationRoutingDirective;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** At DEBUG the router says which tuple took a request and why the ones before it did not, or why none did. */
class RoutingExplanationTest {

    @TempDir
    Path tmp;
    private DefaultApplicationRouter router;
    private final Logger logger = (Logger) LoggerFactory.getLogger(DefaultApplicationRouter.class);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private Level before;

    @BeforeEach
    void setUp() throws Exception {
        Path file = tmp.resolve("routing.properties");
        Files.writeString(file, DefaultApplicationRouterTest.ROUTING.replace("ALL: (\"proxy\"", "OPTIONS: (\"proxy\""));
        router = new DefaultApplicationRouter(file);
        router.init();
        router.applicationDeployed(List.of("proxy", "b2bua"));
        before = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void tearDown() {
        logger.detachAppender(lines);
        logger.setLevel(before);
    }

    private String explain(String method, String user, String transport) {
        lines.list.clear();
        var r = DefaultApplicationRouterTest.invite(user, transport);
        if (!method.equals("INVITE")) {
            r = org.olelo.container.internal.deploy.Fakes.request(method,
                    org.olelo.container.internal.deploy.Fakes.sipUri("sip", user, "example.com", -1, java.util.Map.of()));
        }
        SipApplicationRouterInfo info = router.getNextApplication(r.build(), null, SipApplicationRoutingDirective.NEW, null,
                null);
        assertEquals(1, lines.list.size());
        return info == null ? "none: " + lines.list.get(0).getFormattedMessage() : lines.list.get(0).getFormattedMessage();
    }

    @Test
    void theChosenTupleAndTheSkippedOnes() {
        String line = explain("INVITE", "+4930123456", "udp");
        assertEquals("routing INVITE sip:+4930123456@example.com (call-id null): tuple 2 of INVITE (line 6) chosen:"
                + " application proxy ORIGINATING; tuple 1 (lcr, line 4) skipped: not deployed", line);
        router.applicationDeployed(List.of("lcr"));
        line = explain("INVITE", "alice", "udp");
        assertEquals("routing INVITE sip:alice@example.com (call-id null): tuple 2 of INVITE (line 6) chosen:"
                + " application proxy ORIGINATING; tuple 1 (lcr, line 4) skipped: condition ruri.user=~^\\+?[0-9]{6,}$"
                + " does not hold", line);
    }

    @Test
    void whyNoApplicationTakesARequest() {
        assertEquals("none: routing MESSAGE sip:alice@example.com (call-id null): no tuple of MESSAGE applies;"
                + " tuple 1 (im, line 9) skipped: not deployed", explain("MESSAGE", "alice", "udp"));
        assertEquals("none: routing SUBSCRIBE sip:alice@example.com (call-id null): no line for SUBSCRIBE and no ALL line:"
                + " no application", explain("SUBSCRIBE", "alice", "udp"));
    }

    @Test
    void nothingIsBuiltAboveDebug() {
        logger.setLevel(Level.INFO);
        assertNull(router.getNextApplication(org.olelo.container.internal.deploy.Fakes.request("SUBSCRIBE",
                org.olelo.container.internal.deploy.Fakes.sipUri("sip", "a", "example.com", -1, java.util.Map.of())).build(),
                null, SipApplicationRoutingDirective.NEW, null, null));
        assertEquals(List.of(), lines.list);
    }
}
