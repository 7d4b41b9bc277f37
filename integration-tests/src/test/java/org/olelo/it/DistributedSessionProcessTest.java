package org.olelo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.olelo.core.testkit.SipText.contactUri;
import static org.olelo.core.testkit.SipText.header;
import static org.olelo.core.testkit.SipText.method;
import static org.olelo.core.testkit.SipText.status;

import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.UdpPeer;

/**
 * Two {@code olelo.jar} nodes in one cluster (127.0.0.1 and 127.0.0.2) with a small distributable
 * application that answers an INVITE itself, stores the caller in its application session and
 * starts a 3 s timer. The node that took the INVITE is killed with SIGKILL; once it is out of the
 * survivor's view, the BYE sent to the survivor reaches the application there (its 200 carries
 * the attribute), and the timer fires on the survivor, whose application sends the caller a
 * MESSAGE from there.
 */
@Timeout(120)
class DistributedSessionProcessTest {

    private static final String ROUTING = "ALL: (\"calls\", \"DAR:From\", \"NEUTRAL\", \"\", \"NO_ROUTE\", \"0\")\n";
    private static final long WAIT = 10_000;

    private static final String SERVLET = """
            package t;
            import jakarta.servlet.sip.*;
            import java.io.IOException;
            public class Calls extends SipServlet implements TimerListener {
                @Override
                protected void doInvite(SipServletRequest req) throws IOException, ServletParseException {
                    SipApplicationSession as = req.getApplicationSession();
                    as.setAttribute("caller", req.getFrom().getURI().toString());
                    as.setAttribute("contact", req.getAddressHeader("Contact").getURI().toString());
                    ((TimerService) getServletContext().getAttribute(TIMER_SERVICE)).createTimer(as, 3000, false, "tick");
                    req.createResponse(200).send();
                }
                @Override
                protected void doBye(SipServletRequest req) throws IOException {
                    SipServletResponse ok = req.createResponse(200);
                    ok.setHeader("X-Caller", String.valueOf(req.getApplicationSession().getAttribute("caller")));
                    ok.send();
                }
                @Override
                public void timeout(ServletTimer timer) {
                    SipApplicationSession as = timer.getApplicationSession();
                    SipFactory f = (SipFactory) getServletContext().getAttribute(SIP_FACTORY);
                    try {
                        SipServletRequest m = f.createRequest(as, "MESSAGE", "sip:calls@127.0.0.1",
                                (String) as.getAttribute("contact"));
                        m.setHeader("X-Timer", String.valueOf(timer.getInfo()));
                        m.send();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            """;

    private static final String SIP_XML = """
            <sip-app xmlns="http://xmlns.jcp.org/xml/ns/javaee">
              <app-name>calls</app-name>
              <distributable/>
              <listener><listener-class>t.Calls</listener-class></listener>
              <servlet><servlet-name>main</servlet-name><servlet-class>t.Calls</servlet-class></servlet>
              <servlet-selection><main-servlet>main</main-servlet></servlet-selection>
            </sip-app>
            """;

    @RegisterExtension
    final OleloExtension processes = OleloExtension.onDemand();
    @TempDir
    Path tmp;

    @Test
    void theByeAndTheTimerOfACallWhoseNodeWasKilledRunOnTheSurvivor() throws Exception {
        Path classes = compile();
        OleloProcess one = processes.create(ROUTING);
        OleloProcess two = processes.create(ROUTING);
        two.host("127.0.0.2");
        for (OleloProcess n : List.of(one, two)) {
            Path app = n.deploy().resolve("apps").resolve("calls");
            copyTree(classes, app.resolve("WEB-INF").resolve("classes"));
            Files.writeString(app.resolve("WEB-INF").resolve("sip.xml"), SIP_XML);
        }
        String members = "127.0.0.1:" + FreePorts.pair() + ",127.0.0.2:" + FreePorts.pair();
        String[] binds = members.split(",");
        one.start("cluster.name=sessions", "cluster.bind=" + binds[0], "cluster.members=" + members);
        two.start("cluster.name=sessions", "cluster.bind=" + binds[1], "cluster.members=" + members);
        long until = System.nanoTime() + 20_000_000_000L;
        while (!two.log().contains("joined as") || !two.log().contains(binds[0])) {
            assertTrue(System.nanoTime() < until, () -> "the nodes did not form a cluster\n" + log(two));
            Thread.sleep(50);
        }

        InetSocketAddress first = new InetSocketAddress("127.0.0.1", one.port());
        InetSocketAddress second = new InetSocketAddress("127.0.0.2", two.port());
        try (UdpPeer alice = new UdpPeer(first)) {
            String ruri = "sip:calls@127.0.0.1:" + one.port();
            alice.send(SipBuilder.request("INVITE", ruri).via(alice).from("<sip:alice@127.0.0.1>").to("<" + ruri + ">")
                    .contact("alice", alice));
            String ok = alice.finalResponse(WAIT);
            assertNotNull(ok, () -> "the INVITE was answered\n" + log(one));
            assertEquals(200, status(ok), ok);
            alice.send(SipBuilder.inDialog("ACK", ok).via(alice).cseq(1));
            Thread.sleep(500); // the copy is written when the servlet returns; give the ACK's its moment too
            long killed = System.nanoTime();
            one.kill9();
            // a front sends the dialog's requests elsewhere only once the node is dead; the survivor
            // takes over a session only once its writer has left the view
            String left = ", left [" + binds[0] + "]";
            while (!two.log().contains(left)) {
                assertTrue(System.nanoTime() - killed < 20_000_000_000L, () -> "node 1 did not leave\n" + log(two));
                Thread.sleep(20);
            }
            long gone = System.nanoTime();

            alice.sendTo(SipBuilder.inDialog("BYE", ok).via(alice).cseq(2), second);
            String done = alice.receiveUntil(WAIT, m -> status(m) >= 200 && "BYE".equals(cseqMethod(m)));
            assertNotNull(done, () -> "the BYE sent to the survivor was answered\n" + log(two));
            assertEquals(200, status(done), done);
            assertEquals("sip:alice@127.0.0.1", header(done, "X-Caller"), "the attribute, read on the survivor");
            long answered = System.nanoTime();

            String message = alice.receiveUntil(WAIT, m -> "MESSAGE".equals(method(m)));
            assertNotNull(message, () -> "the timer fired on the survivor\n" + log(two));
            assertEquals("tick", header(message, "X-Timer"));
            assertTrue(header(message, "Via").contains("127.0.0.2"), message);
            alice.sendTo(SipBuilder.response(message, 200, "OK"), second);
            System.out.printf("distributed sessions: node 1 killed, out of node 2's view after %d ms; the BYE sent"
                    + " to node 2 then answered after %d ms%n", (gone - killed) / 1_000_000, (answered - gone) / 1_000_000);
            assertTrue(log(two).contains("taken over from 127.0.0.1:"), log(two));
            assertTrue(contactUri(ok).contains("127.0.0.1"), ok);
        }
    }

    private static String cseqMethod(String m) {
        String cseq = header(m, "CSeq");
        return cseq == null ? null : cseq.trim().replaceAll("^\\d+\\s+", "");
    }

    /** Compiles the application against the API jars. */
    private Path compile() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src").resolve("t"));
        Files.writeString(src.resolve("Calls.java"), SERVLET);
        Path classes = Files.createDirectories(tmp.resolve("classes"));
        String api = Stream.of(jakarta.servlet.sip.SipServlet.class, jakarta.servlet.Servlet.class)
                .map(DistributedSessionProcessTest::location).distinct()
                .collect(Collectors.joining(java.io.File.pathSeparator));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            boolean compiled = javac.getTask(diagnostics, fm, null, List.of("-d", classes.toString(), "-classpath", api,
                    "--release", "21", "-proc:none"), null, fm.getJavaFileObjectsFromPaths(List.of(src.resolve("Calls.java"))))
                    .call();
            assertTrue(compiled, diagnostics::toString);
        }
        return classes;
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                Files.createDirectories(target.getParent());
                Files.copy(p, target);
            }
        }
    }

    private static String location(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String log(OleloProcess p) {
        try {
            String log = p.log();
            return log.substring(Math.max(0, log.length() - 6000));
        } catch (Exception e) {
            return e.toString();
        }
    }
}
