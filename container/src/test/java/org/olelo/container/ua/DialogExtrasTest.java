package org.olelo.container.ua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.olelo.core.testkit.SipText.contactUri;
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
import org.olelo.core.testkit.SipText;

/**
 * JSR 359 extras of user-agent sessions: invite branches (one INVITE answered on two dialogs),
 * the forking context, Replaces finding the replaced dialog (getCorrespondingSipSession), a CDI
 * bean through getManagedBean, setOutboundInterface checks and pushPath. Each case runs in
 * memory, over UDP and over TCP.
 */
class DialogExtrasTest {

    static final String APP = """
            package t;
            import jakarta.servlet.sip.*;
            import java.io.IOException;
            import java.net.InetSocketAddress;
            public class Extras extends SipServlet {
                @jakarta.annotation.Resource
                SipSessionsUtil util;
                @Override
                protected void doInvite(SipServletRequest req) throws IOException, jakarta.servlet.ServletException {
                    String c = req.getHeader("X-Case");
                    if ("branches".equals(c)) {
                        req.createResponse(180).send();
                        InviteBranch b = req.createInviteBranch();
                        b.createResponse(180, "Ringing Too").send();
                        SipServletResponse ok = b.createResponse(200, "OK");
                        ok.setHeader("X-Forked", String.valueOf(req.getSession().getForkingContext().getSipSessions()
                                .size()));
                        ok.setHeader("X-Branch-Final", String.valueOf(b.getFinalResponse()));
                        ok.send();
                        ok.getSession().setAttribute("branch", "yes");
                        return;
                    }
                    SipServletResponse ok = req.createResponse(200);
                    SipSession replaced = util.getCorrespondingSipSession(req.getSession(), "Replaces");
                    ok.setHeader("X-Replaces", replaced == null ? "none" : replaced.getState().name());
                    ok.setHeader("X-Bean", util.getManagedBean(Counter.class).next());
                    try {
                        req.getSession().setOutboundInterface(new InetSocketAddress("127.0.0.1", 9));
                        ok.setHeader("X-Outbound", "accepted");
                    } catch (IllegalArgumentException e) {
                        ok.setHeader("X-Outbound", "refused");
                    }
                    SipFactory f = (SipFactory) getServletContext().getAttribute(SIP_FACTORY);
                    SipServletRequest reg = f.createRequest(f.createApplicationSession(), "REGISTER",
                            "<sip:app@127.0.0.1>", "<sip:app@127.0.0.1>");
                    reg.pushPath(f.createAddress("<sip:edge.invalid;lr>"));
                    reg.pushLocalPath();
                    ok.setHeader("X-Path", String.join(" , ", reg.getHeaderList("Path")));
                    ok.send();
                }
                @Override
                protected void doAck(SipServletRequest req) {
                }
                @Override
                protected void doInfo(SipServletRequest req) throws IOException {
                    SipServletResponse r = req.createResponse(200);
                    r.setHeader("X-Branch", String.valueOf(req.getSession().getAttribute("branch")));
                    r.send();
                }
            }
            """;

    static final String BEAN = """
            package t;
            @jakarta.enterprise.context.ApplicationScoped
            public class Counter {
                private int n;
                public synchronized String next() {
                    return "count-" + (++n);
                }
            }
            """;

    @TempDir
    Path tmp;
    TestServer server;

    private void start(SipPeer.Kind kind) throws Exception {
        server = TestServer.builder()
                .app("extras", CommonApps.servlet("extras", "t.Extras", Map.of("t.Extras", APP, "t.Counter", BEAN)))
                .routeAllTo("extras")
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

    @ParameterizedTest
    @EnumSource(SipPeer.Kind.class)
    void oneInviteAnsweredOnTwoBranches(SipPeer.Kind kind) throws Exception {
        start(kind);
        try (SipPeer a = server.caller()) {
            String from = "<sip:alice@127.0.0.1>;tag=a" + SipBuilder.next();
            String callId = "branches-" + SipBuilder.next();
            a.send(SipBuilder.request("INVITE", ruri()).via(a).fromValue(from).to("<" + ruri() + ">").callId(callId)
                    .cseq(1).contact("peer", a).header("X-Case", "branches"));
            String r1 = a.next(3000);
            String r2 = a.next(3000);
            String ok = a.next(3000);
            assertEquals(180, status(r1));
            assertEquals(180, status(r2));
            assertNotEquals(SipText.tag(header(r1, "To")), SipText.tag(header(r2, "To")), "two dialogs");
            assertEquals(200, status(ok));
            String tag = SipText.tag(header(ok, "To"));
            assertEquals(SipText.tag(header(r2, "To")), tag, "answered on the second branch");
            assertEquals("2", header(ok, "X-Forked"), "the forking context holds both sessions");
            assertEquals("null", header(ok, "X-Branch-Final"));
            String to = "<" + ruri() + ">;tag=" + tag;
            a.send(SipBuilder.request("ACK", contactUri(ok)).via(a).fromValue(from).to(to).callId(callId).cseq(1)
                    .contact("peer", a));
            a.send(SipBuilder.request("INFO", contactUri(ok)).via(a).fromValue(from).to(to).callId(callId).cseq(2)
                    .contact("peer", a));
            String info = a.next(3000);
            while (info != null && header(info, "CSeq").contains("INVITE")) {
                info = a.next(3000);
            }
            assertEquals("yes", header(info, "X-Branch"), "the INFO reached the branch's session");
        }
    }

    @ParameterizedTest
    @EnumSource(SipPeer.Kind.class)
    void replacesFindsTheDialogAndBeansPathsAndInterfacesWork(SipPeer.Kind kind) throws Exception {
        start(kind);
        try (SipPeer a = server.caller()) {
            String from = "<sip:alice@127.0.0.1>;tag=a" + SipBuilder.next();
            String callId = "first-" + SipBuilder.next();
            a.send(SipBuilder.request("INVITE", ruri()).via(a).fromValue(from).to("<" + ruri() + ">").callId(callId)
                    .cseq(1).contact("peer", a));
            String ok = a.next(3000);
            assertEquals(200, status(ok));
            assertEquals("none", header(ok, "X-Replaces"));
            assertEquals("count-1", header(ok, "X-Bean"));
            assertEquals("refused", header(ok, "X-Outbound"), "port 9 is not one of ours");
            String path = header(ok, "X-Path");
            assertNotNull(path);
            String transport = kind == SipPeer.Kind.TCP ? ";transport=tcp" : "";
            assertTrue(path.matches("<sip:127\\.0\\.0\\.1:" + server.address().getPort() + transport
                    + ";lr;olt=[A-Za-z0-9_-]{16}> *,.*"),
                    "our Path entry first, signed: " + path);
            String tag = SipText.tag(header(ok, "To"));
            a.send(SipBuilder.request("ACK", contactUri(ok)).via(a).fromValue(from).to("<" + ruri() + ">;tag=" + tag)
                    .callId(callId).cseq(1).contact("peer", a));

            String from2 = "<sip:carol@127.0.0.1>;tag=c" + SipBuilder.next();
            a.send(SipBuilder.request("INVITE", ruri()).via(a).fromValue(from2).to("<" + ruri() + ">")
                    .callId("second-" + SipBuilder.next()).cseq(1).contact("peer", a)
                    .lines("Replaces: " + callId + ";to-tag=" + tag + ";from-tag=" + SipText.tag(from) + "\r\n"));
            String ok2 = a.next(3000);
            while (ok2 != null && header(ok2, "Call-ID").startsWith("first-")) {
                ok2 = a.next(3000);
            }
            assertNotNull(ok2);
            assertEquals("CONFIRMED", header(ok2, "X-Replaces"), "the replaced dialog is found");
            assertEquals("count-2", header(ok2, "X-Bean"), "the same application-scoped bean");
            assertEquals("INVITE", method("INVITE x SIP/2.0"));
        }
    }
}
