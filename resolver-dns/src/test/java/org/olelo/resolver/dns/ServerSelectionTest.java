package org.olelo.resolver.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.core.spi.SipServerLocator.Query;
import org.olelo.core.spi.SipServerLocator.Target;
import org.olelo.core.testkit.Dnsmasq;

/** RFC 3263 §4 target selection against a real DNS server (dnsmasq). */
class ServerSelectionTest {

    private static final Set<String> ALL = Set.of("UDP", "TCP", "TLS");
    @TempDir
    static Path dir;
    private static DnsTestServer dns;

    @BeforeAll
    static void start() throws Exception {
        Dnsmasq.assumeInstalled();
        dns = new DnsTestServer(dir, List.of());
    }

    @AfterAll
    static void stop() throws Exception {
        if (dns != null) {
            dns.close();
        }
    }

    private static List<String> locate(boolean secure, String host, int port, String transport, Set<String> have)
            throws UnknownHostException {
        return dns.locator.locate(new Query(secure, host, port, transport, have, null)).stream().map(Target::toString).toList();
    }

    @Test
    void naptrOrderThenSrvPriorityGivesEveryTargetInTurn() throws Exception {
        assertEquals(List.of("udp:127.0.0.1:5071", "udp:127.0.0.2:5072", "tcp:127.0.0.1:5081", "tls:127.0.0.2:5091"),
                locate(false, "example.test", -1, null, ALL));
    }

    @Test
    void naptrOfTransportsThisServerDoesNotHaveAreSkipped() throws Exception {
        assertEquals(List.of("tcp:127.0.0.1:5081"), locate(false, "example.test", -1, null, Set.of("TCP")));
    }

    @Test
    void sipsUsesOnlyTls() throws Exception {
        assertEquals(List.of("tls:127.0.0.2:5091"), locate(true, "example.test", -1, null, ALL));
    }

    @Test
    void aTransportParameterAsksTheSrvOfThatTransportOnly() throws Exception {
        assertEquals(List.of("tcp:127.0.0.1:5081"), locate(false, "example.test", -1, "TCP", ALL));
    }

    @Test
    void aPortInTheUriMeansAddressesOnly() throws Exception {
        assertEquals(List.of("udp:127.0.0.3:5999"), locate(false, "a-only.test", 5999, null, ALL));
        assertEquals(List.of("tcp:127.0.0.3:5999"), locate(false, "a-only.test", 5999, "TCP", ALL));
    }

    @Test
    void withoutNaptrTheSrvOfEachTransportIsAsked() throws Exception {
        assertEquals(List.of("tcp:127.0.0.1:5082"), locate(false, "srv-only.test", -1, null, ALL));
    }

    @Test
    void withoutNaptrAndSrvTheAddressOn5060Or5061() throws Exception {
        assertEquals(List.of("udp:127.0.0.3:5060"), locate(false, "a-only.test", -1, null, ALL));
        assertEquals(List.of("tls:127.0.0.3:5061"), locate(true, "a-only.test", -1, null, ALL));
        // the preferred transport (the one the request came in on) where RFC 3263 leaves the choice
        assertEquals(List.of("tcp:127.0.0.3:5060"),
                dns.locator.locate(new Query(false, "a-only.test", -1, null, ALL, "TCP")).stream().map(Target::toString).toList());
    }

    @Test
    void aNameWithoutRecordsIsUnknown() {
        UnknownHostException e = assertThrows(UnknownHostException.class, () -> locate(false, "nobody.example.test", -1, null, ALL));
        assertEquals("nobody.example.test: no SIP server found (NAPTR, SRV, A, AAAA)", e.getMessage());
    }

    @Test
    void rawRecordsForApplications() throws Exception {
        assertEquals(List.of("10 0 5071 uas1.example.test.", "20 0 5072 uas2.example.test."),
                dns.locator.records("_sip._udp.example.test", "SRV").stream().sorted().toList());
        assertEquals(List.of("127.0.0.3"), dns.locator.records("a-only.test", "A"));
    }
}
