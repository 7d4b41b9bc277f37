package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.olelo.core.testkit.SipText.header;
import static org.olelo.core.testkit.SipText.status;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.olelo.container.internal.deploy.TestApps;
import org.olelo.container.testkit.TestServer;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipPeer;

/**
 * A CANCEL for a ringing INVITE of a user-agent application: the container answers the INVITE with
 * 487 before {@code doCancel} runs (JSR 289; our {@code SipServlet.doCancel} javadoc says so), so
 * in {@code doCancel} the INVITE is committed and cannot be answered again. The application here
 * answers 486 from {@code doCancel} whenever the INVITE is not committed: the caller must get the
 * 487 and nothing else.
 */
class CancelAnsweredFirstTest {

    private static final String APP = """
            package c;
            import jakarta.servlet.ServletException;
            import jakarta.servlet.sip.*;
            import java.io.IOException;
            public class Ringing extends SipServlet {
                @Override
                protected void doInvite(SipServletRequest req) throws ServletException, IOException {
                    req.getSession().setAttribute("invite", req);
                    req.createResponse(180).send();
                }
                @Override
                protected void doCancel(SipServletRequest cancel) throws ServletException, IOException {
                    SipServletRequest invite = (SipServletRequest) cancel.getSession().getAttribute("invite");
                    if (!invite.isCommitted()) {
                        invite.createResponse(486).send();
                    }
                }
            }
            """;

    @TempDir
    Path tmp;
    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest
    @EnumSource(SipPeer.Kind.class)
    void theInviteIsCommittedWhenDoCancelRuns(SipPeer.Kind kind) throws Exception {
        TestApps app = TestApps.app().java("c.Ringing", APP).sipXml("""
                <sip-app><app-name>ringing</app-name>
                  <servlet><servlet-name>ringing</servlet-name><servlet-class>c.Ringing</servlet-class></servlet>
                </sip-app>
                """);
        server = TestServer.builder().app("ringing", app)
                .routing("INVITE: (\"ringing\", \"DAR:From\", \"ORIGINATING\", \"\", \"NO_ROUTE\", \"0\")\n")
                .transport(kind).start(tmp);
        try (SipPeer caller = server.caller()) {
            String invite = ProxyFlowsTest.invite(caller, "sip:ringing@127.0.0.1").build();
            caller.send(invite);
            assertEquals(180, status(caller.next(3000)));
            caller.send(SipBuilder.cancel(invite));
            Set<String> got = new TreeSet<>();
            for (int i = 0; i < 2; i++) {
                String r = caller.next(3000);
                assertNotNull(r, "two answers; got " + got);
                got.add(status(r) + " " + header(r, "CSeq"));
            }
            assertEquals(Set.of("200 1 CANCEL", "487 1 INVITE"), got);
            String more = caller.next(300);
            assertNull(more == null || status(more) == 487 ? null : more, "no other answer to the INVITE");
        }
    }
}
