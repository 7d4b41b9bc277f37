package org.olelo.bench;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.olelo.core.message.ParseOutcome;
import org.olelo.core.message.SipParser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parsing one datagram into a JAIN-SIP message, as the transport readers do for every message:
 * the INVITE and the 200 of the call benchmark. Single-threaded; the parser keeps no state.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SipParseBenchmark {

    private final byte[] invite = Messages.invite(1).getBytes(StandardCharsets.UTF_8);
    private final byte[] ok = Messages.ok200(1).getBytes(StandardCharsets.UTF_8);

    /** @return the parsed INVITE */
    @Benchmark
    public ParseOutcome parseInvite() {
        return SipParser.parse(invite);
    }

    /** @return the parsed 200 response with Record-Route and SDP */
    @Benchmark
    public ParseOutcome parse200() {
        return SipParser.parse(ok);
    }
}
