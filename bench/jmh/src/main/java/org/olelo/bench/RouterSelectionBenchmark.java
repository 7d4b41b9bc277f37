package org.olelo.bench;

import gov.nist.javax.sip.message.SIPRequest;
import jakarta.servlet.sip.ar.SipApplicationRouterInfo;
import jakarta.servlet.sip.ar.SipApplicationRoutingDirective;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.olelo.container.internal.message.SipServletRequestImpl;
import org.olelo.container.internal.router.Condition;
import org.olelo.container.internal.router.DefaultApplicationRouter;
import org.olelo.core.message.ParseOutcome;
import org.olelo.core.message.SipParser;
import org.olelo.core.transport.InMemoryTransport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The application router's choice for a new INVITE: the default deployment's table (REGISTER and
 * local users to the registrar) and a table of 20 conditional tuples, the last of which matches
 * (Request-URI user patterns, source blocks, headers), on the container's own request object.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RouterSelectionBenchmark {

    private static final String DEFAULT_TABLE =
            "REGISTER: (\"registrar\", \"DAR:To\", \"TERMINATING\", \"\", \"NO_ROUTE\", \"0\")\n"
            + "ALL: (\"registrar\", \"DAR:To\", \"TERMINATING\", \"\", \"NO_ROUTE\", \"0\", \"ruri.local=true\")\n";

    /** Which routing table: the default deployment's, or 20 conditional tuples. */
    @Param({"default", "conditions20"})
    public String table;

    private DefaultApplicationRouter router;
    private SipServletRequestImpl request;

    /** Writes the table, loads it and builds the request. */
    @Setup
    public void setUp() throws Exception {
        Path file = Files.createTempFile("routing", ".properties");
        Files.writeString(file, table.equals("default") ? DEFAULT_TABLE : conditions(20));
        router = new DefaultApplicationRouter(file);
        router.init();
        router.applicationDeployed(List.of("registrar", "proxy", "app0", "app1", "app2", "app3", "app4", "app5",
                "app6", "app7", "app8", "app9", "app10", "app11", "app12", "app13", "app14", "app15", "app16", "app17",
                "app18", "app19"));
        Files.delete(file);
        SIPRequest r = (SIPRequest) ((ParseOutcome.Parsed) SipParser.parse(Messages.invite(7)
                .replace("sip:uas@127.0.0.1:5070;transport=UDP", "sip:alice@127.0.0.1")
                .getBytes(StandardCharsets.UTF_8))).message();
        request = SipServletRequestImpl.outgoing(r, null, InMemoryTransport.udp(),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 5080));
        request.setAttribute(Condition.LOCAL_ATTRIBUTE, Boolean.TRUE);
        if (next() == null) {
            throw new IllegalStateException("no application selected");
        }
    }

    private static String conditions(int n) {
        StringBuilder b = new StringBuilder("INVITE: ");
        for (int i = 0; i < n - 1; i++) {
            b.append("(\"app").append(i).append("\", \"DAR:From\", \"ORIGINATING\", \"\", \"NO_ROUTE\", \"").append(i)
                    .append("\", \"ruri.user=~^\\+?").append(i).append("[0-9]{6,}$ && source=10.").append(i)
                    .append(".0.0/16 && header.Subject!=skip\"), ");
        }
        b.append("(\"registrar\", \"DAR:To\", \"TERMINATING\", \"\", \"NO_ROUTE\", \"").append(n - 1)
                .append("\", \"ruri.local=true && transport=udp\")\n");
        return b.toString();
    }

    /** @return the selected application */
    @Benchmark
    public SipApplicationRouterInfo next() {
        return router.getNextApplication(request, null, SipApplicationRoutingDirective.NEW, null, null);
    }
}
