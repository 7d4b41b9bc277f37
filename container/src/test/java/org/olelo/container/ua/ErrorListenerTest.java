package org.olelo.container.ua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.olelo.core.testkit.SipText.header;
import static org.olelo.core.testkit.SipText.method;
import static org.olelo.core.testkit.SipText.status;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.olelo.container.testkit.CommonApps;
import org.olelo.container.testkit.TestServer;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipPeer;
import org.olelo.core.transaction.TimerSettings;

/**
 * SipErrorListener (no ACK for a 2xx, no PRACK for a reliable provisional), the container's
 * follow-up (BYE, 504), and terminateDialog with an AutomaticProcessingListener. T1 is 40 ms here so
 * that 64*T1 passes in about 2.5 s. The application reports each event to the test in a MESSAGE. Each
 * case runs in memory, over UDP and over TCP.
 */
class ErrorListenerTest {

    static final String APP = """
            package t;
            import jakarta.servlet.sip.*;
            import java.io.IOException;
            public class Uas extends SipServlet {
                static volatile String reportTo;
                static SipFactory factory;
                @Override
                public void init() {
                    factory = (SipFactory) getServletContext().getAttribute(SIP_FACTORY);
                }
                static void report(String what) {
                    try {
                        SipServletRequest m = factory.createRequest(factory.createApplicationSession(), "MESSAGE",
                                "<sip:app@127.0.0.1>", reportTo);
                        m.setHeader("X-Event", what);
                        m.send();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
                @Override
                protected void doInvite(SipServletRequest req) throws IOException {
                    reportTo = req.getHeader("X-Report");
                    String c = req.getHeader("X-Case");
                    if ("prack".equals(c)) {
                        try {
                            req.createResponse(180).sendReliably();
                        } catch (Rel100Exception e) {
                            throw new IllegalStateException(e);
                        }
                        return;
                    }
                    req.createResponse(200).send();
                    if ("terminate".equals(c)) {
                        req.getSession().setAttribute("terminate", "yes");
                    }
                }
                @Override
                protected void doAck(SipServletRequest req) {
                    if (req.getSession().getAttribute("terminate") != null) {
                        req.getSession().terminateDialog(new AutomaticProcessingListener() {
                            public void outgoingRequest(SipServletRequest r) {
                                report("out " + r.getMethod());
                            }
                            public void outgoingResponse(SipServletResponse r) {
                            }
                            public void incomingRequest(SipServletRequest r) {
                            }
                            public void incomingResponse(SipServletResponse r) {
                                report("in " + r.getStatus() + " " + r.getMethod());
                            }
                        });
                    }
                }
            }
            """;

    static final String LISTENER = """
            package t;
            import jakarta.servlet.sip.*;
            public class ErrorsListener implements SipErrorListener {
                @Override
                public void noAckReceived(SipErrorEvent e) {
                    Uas.report("noAck " + e.getResponse().getStatus());
                }
                @Override
                public void noPrackReceived(SipErrorEvent e) {
                    Uas.report("noPrack " + e.getResponse().getStatus());
                }
                @Override
                public void noNotifyReceived(SipErrorEvent e) {
                }
            }
            """;

    @TempDir
    Path tmp;
    TestServer server;

    private void start(SipPeer.Kind kind) throws Exception {
        server = TestServer.builder()
                .app("errors", CommonApps.servlet("errors", "t.Uas",
                        Map.of("t.Uas", APP, "t.ErrorsListener", LISTENER)))
                .routeAllTo("errors")
                .settings(c -> c.withCore(c.core().withTimers(new TimerSettings(40, 320, 400))))
                .transport(kind).start(tmp);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private String ruri() {
        return server.uri("svc");
    }

    private void invite(SipPeer a, SipPeer reports, String kase, String extra) throws Exception {
        a.send(SipBuilder.request("INVITE", ruri()).via(a)
                .fromValue("<sip:alice@127.0.0.1>;tag=a" + SipBuilder.next()).to("<" + ruri() + ">")
                .callId("err-" + SipBuilder.next()).cseq(1).contact("peer", a)
                .lines("X-Case: " + kase + "\r\nX-Report: <" + SipBuilder.uri("ops", reports) + ">\r\n"
                        + extra));
    }

    /** The next report, answered. */
    private static String event(SipPeer reports) throws Exception {
        for (int i = 0; i < 20; i++) {
            String m = reports.next(8000);
            assertNotNull(m, "a report");
            assertEquals("MESSAGE", method(m));
            reports.send(SipBuilder.response(m, 200, "OK").toTag("r" + SipBuilder.next()).contact("peer", reports));
            // with T1 at 40 ms a loaded machine answers after the first retransmission: the copy is no new event
            if (SEEN_REPORTS.add(header(m, "Call-ID") + " " + header(m, "CSeq"))) {
                return header(m, "X-Event");
            }
        }
        throw new AssertionError("only retransmitted reports arrived");
    }

    /** Call-ID and CSeq of the reports already read (across a test class run: they are unique). */
    private static final java.util.Set<String> SEEN_REPORTS = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Reads what reaches the caller until a request of {@code method} arrives. */
    private static String until(SipPeer a, String method) throws Exception {
        for (int i = 0; i < 40; i++) {
            String m = a.next(8000);
            if (m == null || method.equals(method(m))) {
                return m;
            }
        }
        return null;
    }

    @ParameterizedTest
    @EnumSource(SipPeer.Kind.class)
    void noAckMeansListenerThenBye(SipPeer.Kind kind) throws Exception {
        start(kind);
        try (SipPeer a = server.caller(); SipPeer reports = server.callee()) {
            invite(a, reports, "plain", "");
            assertEquals("noAck 200", event(reports));
            String bye = until(a, "BYE");
            assertNotNull(bye, "the container ends the unacknowledged dialog");
        }
    }

    @ParameterizedTest
    @EnumSource(SipPeer.Kind.class)
    void noPrackMeansListenerThen504(SipPeer.Kind kind) throws Exception {
        start(kind);
        try (SipPeer a = server.caller(); SipPeer reports = server.callee()) {
            invite(a, reports, "prack", "Supported: 100rel\r\n");
            assertEquals("noPrack 180", event(reports));
            String last = null;
            for (int i = 0; i < 40; i++) {
                String m = a.next(8000);
                if (m == null || status(m) == 504) {
                    last = m;
                    break;
                }
            }
            assertNotNull(last, "the INVITE is refused once the PRACK never came");
        }
    }

    @ParameterizedTest
    @EnumSource(SipPeer.Kind.class)
    void terminateDialogSendsByeAndReportsThroughTheListener(SipPeer.Kind kind) throws Exception {
        start(kind);
        try (SipPeer a = server.caller(); SipPeer reports = server.callee()) {
            String from = "<sip:alice@127.0.0.1>;tag=t" + SipBuilder.next();
            String callId = "term-" + SipBuilder.next();
            a.send(SipBuilder.request("INVITE", ruri()).via(a).fromValue(from).to("<" + ruri() + ">").callId(callId)
                    .cseq(1).contact("peer", a)
                    .lines("X-Case: terminate\r\nX-Report: <" + SipBuilder.uri("ops", reports) + ">\r\n"));
            String ok = a.next(3000);
            assertEquals(200, status(ok));
            String to = header(ok, "To");
            a.send(SipBuilder.request("ACK", org.olelo.core.testkit.SipText.contactUri(ok)).via(a).fromValue(from)
                    .to(to).callId(callId).cseq(1).contact("peer", a));
            String bye = until(a, "BYE");
            assertNotNull(bye);
            assertEquals("out BYE", event(reports));
            a.send(SipBuilder.response(bye, 200, "OK").contact("peer", a));
            assertEquals("in 200 BYE", event(reports));
        }
    }
}
