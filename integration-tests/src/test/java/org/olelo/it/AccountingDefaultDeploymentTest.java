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
 * Accounting in the default deployment: three users register their sipp phones with digest, calls
 * reach them through the registrar's location service (bob answers, carol is busy, dave rings until
 * the caller cancels), then the server stops and the tables are read from its H2 file.
 */
@Timeout(150)
class AccountingDefaultDeploymentTest {

    private static final String HOST = "127.0.0.1";

    @RegisterExtension
    final OleloExtension processes = OleloExtension.onDemand();
    @RegisterExtension
    final SippRunner sipp = new SippRunner();
    private OleloProcess olelo;

    @Test
    void callsBetweenRegisteredUsersAreAccounted() throws Exception {
        olelo = processes.create();
        for (String user : List.of("bob", "carol", "dave")) {
            assertEquals(0, olelo.subscriber("add", user + "@" + HOST, "--password", user + "-pw"), user);
        }
        olelo.start();
        call("bob", "uas.xml", "uac.xml", 3);
        call("carol", "uas-busy.xml", "uac-busy.xml", 2);
        call("dave", "uas-ring.xml", "uac-cancel.xml", 2);
        olelo.close(); // a stop writes what is still queued

        String secret = Files.readString(olelo.data().resolve("database.secret")).trim();
        String url = "jdbc:h2:file:" + olelo.data().resolve("olelo").toAbsolutePath();
        try (Connection c = DriverManager.getConnection(url, "sa", secret)) {
            assertEquals(List.of("BYE 200 bob 3", "INVITE 200 bob 3"), column(c, "SELECT method || ' ' || sip_code"
                    + " || ' ' || dst_user || ' ' || COUNT(*) FROM acc GROUP BY method, sip_code, dst_user ORDER BY 1"));
            assertEquals(List.of("INVITE 486 carol 2", "INVITE 487 dave 2"), column(c, "SELECT method || ' ' || sip_code"
                    + " || ' ' || dst_user || ' ' || COUNT(*) FROM missed_calls GROUP BY method, sip_code, dst_user ORDER BY 1"));
            assertEquals(List.of("bob 3"), column(c, "SELECT dst_user || ' ' || COUNT(DISTINCT callid) FROM acc_cdrs"
                    + " GROUP BY dst_user"));
            assertEquals(List.of("0"), column(c, "SELECT COUNT(*) FROM acc_cdrs WHERE end_time < start_time OR duration < 0"
                    + " OR callid NOT IN (SELECT callid FROM acc WHERE method = 'BYE')"));
        }
    }

    /** {@code user} registers a sipp phone running {@code uasScenario}; a caller runs {@code uacScenario} to it. */
    private void call(String user, String uasScenario, String uacScenario, int calls) throws Exception {
        int phonePort = FreePorts.udp();
        SippResult registered = sipp.start("reg-" + user, "register.xml", "-s", user, "-au", user, "-ap", user + "-pw",
                "-key", "expires", "600", "-i", HOST, "-p", Integer.toString(phonePort), "-m", "1",
                HOST + ":" + olelo.port()).await(SippRunner.SIPP_TIMEOUT.plusSeconds(10));
        assertTrue(registered.allSuccessful(1), registered::describe);
        String n = Integer.toString(calls);
        SippRunner.Run phone = sipp.start(user, uasScenario, "-t", "u1", "-i", HOST, "-p", Integer.toString(phonePort),
                "-m", n);
        phone.awaitListening("u1", phonePort);
        SippRunner.Run caller = sipp.start("caller-" + user, uacScenario, "-t", "u1", "-s", user, "-i", HOST, "-p",
                Integer.toString(FreePorts.udp()), HOST + ":" + olelo.port(), "-m", n, "-r", "5");
        SippResult c = caller.await(SippRunner.SIPP_TIMEOUT.plusSeconds(10));
        SippResult p = c.allSuccessful(calls) ? phone.await(Duration.ofSeconds(10)) : phone.stop();
        assertTrue(c.allSuccessful(calls) && p.allSuccessful(calls),
                () -> "expected " + calls + " calls to " + user + "\n" + c.describe() + "\n\n" + p.describe());
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
