package org.olelo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Accounting with sipp on both sides through the proxy sample application over UDP: answered
 * calls, busy callees and cancelled calls, then the server stops and the tables are read from its
 * H2 file: every answered call has its INVITE and BYE in {@code acc} and its record in
 * {@code acc_cdrs}, every busy and cancelled call its row in {@code missed_calls}.
 */
@Timeout(90)
class AccountingCallTest {

    @RegisterExtension
    static final ServerFixture SERVER = new ServerFixture();

    private static final String HOST = "127.0.0.1";

    @RegisterExtension
    final SippRunner sipp = new SippRunner();

    @Test
    void answeredBusyAndCancelledCallsAreInTheTablesAfterTheServerStopped() throws Exception {
        calls("uas.xml", "uac.xml", 6);
        calls("uas-busy.xml", "uac-busy.xml", 3);
        calls("uas-ring.xml", "uac-cancel.xml", 2);
        SERVER.server().close(); // writes what is still queued
        String secret = Files.readString(SERVER.dataDir().resolve("database.secret")).trim();
        String url = "jdbc:h2:file:" + SERVER.dataDir().resolve("olelo").toAbsolutePath();
        try (Connection c = DriverManager.getConnection(url, "sa", secret)) {
            assertEquals(List.of("BYE 200 6", "INVITE 200 6"),
                    column(c, "SELECT method || ' ' || sip_code || ' ' || COUNT(*) FROM acc GROUP BY method, sip_code"
                            + " ORDER BY 1"));
            assertEquals(List.of("INVITE 486 3", "INVITE 487 2"), column(c, "SELECT method || ' ' || sip_code || ' '"
                    + " || COUNT(*) FROM missed_calls GROUP BY method, sip_code ORDER BY 1"));
            assertEquals(List.of("6 6"), column(c, "SELECT COUNT(*) || ' ' || COUNT(DISTINCT callid) FROM acc_cdrs"));
            assertEquals(List.of("0"), column(c, "SELECT COUNT(*) FROM acc_cdrs WHERE callid NOT IN"
                    + " (SELECT callid FROM acc WHERE method = 'BYE') OR end_time < start_time OR duration < 0"));
            assertEquals(List.of("0"), column(c, "SELECT COUNT(*) FROM acc WHERE src_user <> 'caller' OR callid = ''"
                    + " OR from_tag = '' OR to_tag = ''"));
        }
    }

    private void calls(String uasScenario, String uacScenario, int calls) throws Exception {
        int uasPort = FreePorts.udp();
        String n = Integer.toString(calls);
        SippRunner.Run uas = sipp.start("uas", uasScenario, "-t", "u1", "-i", HOST, "-p", Integer.toString(uasPort),
                "-m", n);
        uas.awaitListening("u1", uasPort);
        SippRunner.Run uac = sipp.start("uac", uacScenario, "-t", "u1", "-s", "uas", "-i", HOST, "-p",
                Integer.toString(FreePorts.both()), HOST + ":" + uasPort, "-rsa", HOST + ":" + SERVER.udpPort(),
                "-m", n, "-r", "10");
        SippResult caller = uac.await(SippRunner.SIPP_TIMEOUT.plusSeconds(10));
        SippResult callee = caller.allSuccessful(calls) ? uas.await(Duration.ofSeconds(10)) : uas.stop();
        assertTrue(caller.allSuccessful(calls) && callee.allSuccessful(calls),
                () -> "expected " + calls + " successful calls on both sides\n" + caller.describe() + "\n\n"
                        + callee.describe());
    }

    private static List<String> column(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }
}
