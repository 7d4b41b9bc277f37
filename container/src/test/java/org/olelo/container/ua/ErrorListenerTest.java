package org.olelo.container.ua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.olelo.core.testkit.SipText.header;
import static org.olelo.core.testkit.SipText.method;
import static org.olelo.core.testkit.SipText.status;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.core.testkit.UdpPeer;
import org.olelo.core.transaction.TimerSettings;

/**
 * SipErrorListener (no ACK for a 2xx, no PRACK for a reliable provisional), the container's
 * follow-up (BYE, 504), and terminateDialog with an AutomaticProcessingListener. T1 is 40 ms here so
 * that 64*T1 passes in about 2.5 s. The application reports each event to the test in a MESSAGE.
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
    UaTestServer server;

    @BeforeEach
    void start() throws Exception {
        server = new UaTestServer(tmp, "errors", Map.of("t.Uas", APP, "t.ErrorsListener", LISTENER), "t.Uas",
                c -> c.withCore(c.core().withTimers(new TimerSettings(40, 320, 400))));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String ruri() {
        return "sip:svc@127.0.0.1:" + server.address().getPort();
    }

    private void invite(UdpPeer a, UdpPeer reports, String kase, String extra) throws Exception {
        a.send(Sip.request(a, "INVITE", ruri(), "<sip:alice@127.0.0.1>;tag=a" + Sip.next(), "<" + ruri() + ">",
                "err-" + Sip.next(), 1, "X-Case: " + kase + "\r\nX-Report: <" + UaTestServer.uri("ops", reports) + ">\r\n"
                        + extra, null).getBytes());
    }

    /** The next report, answered. */
    private static String event(UdpPeer reports) throws Exception {
        String m = Sip.next(reports, 8000);
        assertNotNull(m, "a report");
        assertEquals("MESSAGE", method(m));
        reports.send(Sip.answer(m, 200, "OK", "r" + Sip.next(), reports, null, null).getBytes());
        return header(m, "X-Event");
    }

    /** Reads what reaches the caller until a request of {@code method} arrives. */
    private static String until(UdpPeer a, String method) throws Exception {
        for (int i = 0; i < 40; i++) {
            String m = Sip.next(a, 8000);
            if (m == null || method.equals(method(m))) {
                return m;
            }
        }
        return null;
    }

    @Test
    void noAckMeansListenerThenBye() throws Exception {
        try (UdpPeer a = server.peer(); UdpPeer reports = server.peer()) {
            invite(a, reports, "plain", "");
            assertEquals("noAck 200", event(reports));
            String bye = until(a, "BYE");
            assertNotNull(bye, "the container ends the unacknowledged dialog");
        }
    }

    @Test
    void noPrackMeansListenerThen504() throws Exception {
        try (UdpPeer a = server.peer(); UdpPeer reports = server.peer()) {
            invite(a, reports, "prack", "Supported: 100rel\r\n");
            assertEquals("noPrack 180", event(reports));
            String last = null;
            for (int i = 0; i < 40; i++) {
                String m = Sip.next(a, 8000);
                if (m == null || status(m) == 504) {
                    last = m;
                    break;
                }
            }
            assertNotNull(last, "the INVITE is refused once the PRACK never came");
        }
    }

    @Test
    void terminateDialogSendsByeAndReportsThroughTheListener() throws Exception {
        try (UdpPeer a = server.peer(); UdpPeer reports = server.peer()) {
            String from = "<sip:alice@127.0.0.1>;tag=t" + Sip.next();
            String callId = "term-" + Sip.next();
            a.send(Sip.request(a, "INVITE", ruri(), from, "<" + ruri() + ">", callId, 1,
                    "X-Case: terminate\r\nX-Report: <" + UaTestServer.uri("ops", reports) + ">\r\n", null).getBytes());
            String ok = Sip.next(a, 3000);
            assertEquals(200, status(ok));
            String to = header(ok, "To");
            a.send(Sip.request(a, "ACK", org.olelo.core.testkit.SipText.contactUri(ok), from, to, callId, 1, null, null).getBytes());
            String bye = until(a, "BYE");
            assertNotNull(bye);
            assertEquals("out BYE", event(reports));
            a.send(Sip.answer(bye, 200, "OK", null, a, null, null).getBytes());
            assertEquals("in 200 BYE", event(reports));
        }
    }
}
