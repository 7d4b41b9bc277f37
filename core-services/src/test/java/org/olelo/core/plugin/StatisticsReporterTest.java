package org.olelo.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.olelo.core.CoreConfig;
import org.olelo.core.SipCore;
import org.olelo.core.spi.CoreCounters;
import org.olelo.core.testkit.AnsweringHandler;
import org.olelo.core.testkit.SipText;
import org.olelo.core.testkit.UdpPeer;
import org.olelo.core.transport.ListenAddress;

/** A statistics reporter found on the class path reads the live counters of the core it was started with. */
class StatisticsReporterTest {

    @Test
    void theReporterSeesWhatTheCoreCounts() throws Exception {
        int stopsBefore = RecordingReporter.STOPS.get();
        SipCore core = new SipCore(CoreConfig.defaults().withListen(List.of(ListenAddress.parse("udp:127.0.0.1:0"))),
                host -> new InetAddress[] {InetAddress.getLoopbackAddress()});
        core.start(new AnsweringHandler(200));
        CoreCounters counters;
        try (UdpPeer peer = new UdpPeer(core.transports().get(0).localAddress())) {
            counters = RecordingReporter.last;
            assertNotNull(counters, "started with the core");
            assertEquals(0, counters.get("rcv_requests_options"));
            int port = peer.address().getPort();
            peer.send("OPTIONS sip:127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:" + port + ";branch=z9hG4bK-rep;rport\r\n"
                    + "Max-Forwards: 70\r\nFrom: <sip:a@127.0.0.1>;tag=1\r\nTo: <sip:127.0.0.1>\r\nCall-ID: rep@test\r\n"
                    + "CSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n");
            assertEquals(200, SipText.status(peer.receive(3000)));
            assertEquals(1, counters.get("rcv_requests_options"), "the request the core received");
            assertEquals(1, counters.snapshot().get("sent_replies_2xx"), "the answer it sent");
        } finally {
            core.close();
        }
        assertEquals(stopsBefore + 1, RecordingReporter.STOPS.get(), "stopped with the core");
        assertNull(RecordingReporter.last, "let go of the counters");
    }
}
