package org.olelo.bench;

import gov.nist.javax.sip.address.AddressFactoryImpl;
import gov.nist.javax.sip.header.MaxForwards;
import gov.nist.javax.sip.header.RecordRoute;
import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import javax.sip.address.Address;
import javax.sip.address.URI;
import org.olelo.core.message.MessageEncoder;
import org.olelo.core.message.ParseOutcome;
import org.olelo.core.message.SipParser;
import org.olelo.core.message.lazy.Edits;
import org.olelo.core.message.lazy.read.LazyMessage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A record-routing proxy's own work on the call's INVITE and on its 200, from received bytes to the
 * bytes sent on, two ways: JAIN-SIP's (parse every header, clone for the branch, edit the message,
 * encode every header) and the lazy message's (index the lines, parse the critical headers, write the
 * received bytes with edits). Both check the message as the transport readers do on receipt; neither
 * includes transactions, routing or the application. Single-threaded.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LazyForwardBenchmark {

    private static final String TARGET = "sip:uas@127.0.0.1:5070;transport=UDP";
    private static final String RR = "<sip:127.0.0.1:5060;transport=udp;lr>";

    private final byte[] invite = Messages.invite(1).getBytes(StandardCharsets.UTF_8);
    private final byte[] ok = Messages.ok200(1).getBytes(StandardCharsets.UTF_8);
    private URI target;
    private Address recordRoute;
    private int branch;

    /** Prepares what a proxy keeps from one message to the next (its own Record-Route address). */
    @Setup
    public void setUp() throws Exception {
        AddressFactoryImpl af = new AddressFactoryImpl();
        target = af.createURI(TARGET);
        recordRoute = af.createAddress(RR);
    }

    /** @return the INVITE as sent on, through JAIN-SIP */
    @Benchmark
    public byte[] inviteFull() throws Exception {
        SIPRequest r = (SIPRequest) ((ParseOutcome.Parsed) SipParser.parse(invite)).message();
        SIPRequest branchCopy = (SIPRequest) r.clone();
        branchCopy.setRequestURI((URI) target.clone());
        MaxForwards mf = (MaxForwards) branchCopy.getHeader(MaxForwards.NAME);
        mf.decrementMaxForwards();
        RecordRoute rr = new RecordRoute();
        rr.setAddress((Address) recordRoute.clone());
        branchCopy.addFirst(rr);
        Via via = new Via();
        via.setTransport("UDP");
        via.setHost("127.0.0.1");
        via.setPort(5060);
        via.setBranch("z9hG4bKserver" + (++branch));
        branchCopy.addFirst(via);
        return MessageEncoder.encode(branchCopy);
    }

    /** @return the INVITE as sent on, as received bytes plus edits */
    @Benchmark
    public byte[] inviteLazy() throws Exception {
        LazyMessage m = LazyMessage.read(invite);
        Edits e = new Edits(m.raw()).replaceRequestUri(TARGET).addRecordRoute(RR)
                .pushVia("SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKserver" + (++branch));
        e.decrementMaxForwards();
        return e.write();
    }

    /** @return the 200 as sent on, through JAIN-SIP */
    @Benchmark
    public byte[] okFull() throws Exception {
        SIPResponse r = (SIPResponse) ((ParseOutcome.Parsed) SipParser.parse(ok)).message();
        r.removeFirst(Via.NAME);
        return MessageEncoder.encode(r);
    }

    /** @return the 200 as sent on, as received bytes minus the top Via */
    @Benchmark
    public byte[] okLazy() throws Exception {
        return new Edits(LazyMessage.read(ok).raw()).popVia().write();
    }
}
