package org.olelo.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The core's counters are a fixed set, whatever methods senders make up, and drops have reasons. */
class CoreStatisticsTest {

    @Test
    void madeUpMethodsShareOneCounter() {
        CoreStatistics s = new CoreStatistics();
        for (int i = 0; i < 1000; i++) {
            s.requestReceived("X" + i);
        }
        s.requestReceived("INVITE");
        s.requestReceived("invite");
        s.requestSent("MESSAGE");
        Map<String, Long> snap = s.snapshot();
        assertEquals(1001L, snap.get("rcv_requests_other"), "made-up and lower-case methods are OTHER");
        assertEquals(1L, snap.get("rcv_requests_invite"));
        assertEquals(1L, snap.get("fwd_requests_message"));
        assertFalse(snap.containsKey("rcv_requests_x1"));
        assertEquals(1001, s.requestsReceived(SipMethod.OTHER));
        assertEquals(1, s.requestsSent(SipMethod.MESSAGE));
        assertEquals(0, s.get("rcv_requests_bye"), "never bumped: absent, read as 0");
    }

    @Test
    void dropsAreCountedByReasonAndInTotal() {
        CoreStatistics s = new CoreStatistics();
        s.dropped(DropReason.UNPARSABLE);
        s.dropped(DropReason.STRAY_RESPONSE);
        s.dropped(DropReason.STRAY_RESPONSE);
        s.parseError();
        assertEquals(1, s.drops(DropReason.UNPARSABLE));
        assertEquals(2, s.drops(DropReason.STRAY_RESPONSE));
        assertEquals(0, s.drops(DropReason.TOO_MANY_HOPS));
        assertEquals(3L, s.snapshot().get("err_messages_dropped"));
        assertEquals(1L, s.snapshot().get("err_parse_errors"));
        s.responseSent(486);
        s.responseReceived(180);
        assertEquals(1, s.responsesSent(4));
        assertEquals(1, s.responsesReceived(1));
    }

    @Test
    void messagesAndBytesAreCountedPerTransportKind() {
        CoreStatistics s = new CoreStatistics();
        s.transportReceived("UDP", 500);
        s.transportReceived("UDP", 300);
        s.transportSent("TLS", 1200);
        assertEquals(2, s.transportMessages("UDP", true));
        assertEquals(800, s.transportBytes("UDP", true));
        assertEquals(0, s.transportMessages("UDP", false));
        assertEquals(1, s.transportMessages("TLS", false));
        assertEquals(1200, s.transportBytes("TLS", false));
        assertEquals(0, s.transportMessages("WS", true), "a kind without traffic reads as 0");
        assertEquals(2L, s.snapshot().get("net_udp_messages_received"));
        assertEquals(1200L, s.snapshot().get("net_tls_bytes_sent"));
    }
}
