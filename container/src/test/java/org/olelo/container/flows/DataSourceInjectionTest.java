package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.container.internal.deploy.DeployProblem;
import org.olelo.container.internal.deploy.TestApps;
import org.olelo.container.testkit.TestServer;
import org.olelo.core.testkit.MemoryPeer;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipText;

/**
 * Applications get the container's database the standard ways: {@code @Resource DataSource} in a
 * servlet (without a name and as {@code jdbc/default}) and a listener, {@code @Inject DataSource}
 * in a CDI bean, and the context attribute {@code org.olelo.DataSource}. The application writes
 * through them into the server's real H2 file; the test reads the rows back through the server's
 * pool.
 */
class DataSourceInjectionTest {

    private static final String ROUTING = "OPTIONS: (\"db\", \"DAR:From\", \"NEUTRAL\", \"\", \"NO_ROUTE\", \"0\")\n";

    @TempDir
    Path tmp;
    private TestServer sip;

    @AfterEach
    void stop() {
        if (sip != null) {
            sip.close();
        }
    }

    private static TestApps app() {
        return TestApps.app().sipXml("""
                <sip-app><app-name>db</app-name>
                  <listener><listener-class>d.Schema</listener-class></listener>
                  <servlet><servlet-name>notes</servlet-name><servlet-class>d.Notes</servlet-class></servlet>
                </sip-app>
                """).java("d.Schema", """
                package d;
                import jakarta.annotation.Resource;
                import jakarta.servlet.*;
                import java.sql.*;
                import javax.sql.DataSource;
                public class Schema implements ServletContextListener {
                    @Resource DataSource ds;
                    @Override public void contextInitialized(ServletContextEvent e) {
                        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                            s.execute("CREATE TABLE IF NOT EXISTS note (via VARCHAR(20) NOT NULL)");
                        } catch (SQLException x) {
                            throw new IllegalStateException(x);
                        }
                    }
                }
                """).java("d.NoteRepository", """
                package d;
                import jakarta.enterprise.context.ApplicationScoped;
                import jakarta.inject.Inject;
                import java.sql.*;
                import javax.sql.DataSource;
                @ApplicationScoped
                public class NoteRepository {
                    @Inject DataSource ds;
                    public void add(String via) throws SQLException { Notes.insert(ds, via); }
                }
                """).java("d.Notes", """
                package d;
                import jakarta.annotation.Resource;
                import jakarta.inject.Inject;
                import jakarta.servlet.sip.*;
                import java.sql.*;
                import javax.sql.DataSource;
                public class Notes extends SipServlet {
                    @Resource DataSource unnamed;
                    @Resource(name = "jdbc/default") DataSource named;
                    @Inject NoteRepository repository;
                    static void insert(DataSource ds, String via) throws SQLException {
                        try (Connection c = ds.getConnection();
                             PreparedStatement ps = c.prepareStatement("INSERT INTO note (via) VALUES (?)")) {
                            ps.setString(1, via);
                            ps.executeUpdate();
                        }
                    }
                    @Override protected void doOptions(SipServletRequest req) throws java.io.IOException {
                        try {
                            insert(unnamed, "resource");
                            insert(named, "resource-named");
                            repository.add("inject");
                            insert((DataSource) getServletContext().getAttribute("org.olelo.DataSource"), "attribute");
                            req.createResponse(200).send();
                        } catch (SQLException e) {
                            req.createResponse(500, e.getMessage()).send();
                        }
                    }
                }
                """);
    }

    @Test
    void everyStandardWayReachesTheDefaultPool() throws Exception {
        sip = TestServer.builder().app("db", app()).routing(ROUTING).start(tmp);
        MemoryPeer ua = sip.memoryPeer(1);
        String r = ua.finalResponseTo(SipBuilder.request("OPTIONS", "sip:db@127.0.0.1").via(ua));
        assertEquals(200, SipText.status(r), r);
        try (Connection c = sip.server().database().defaultPool().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT via FROM note ORDER BY via")) {
            StringBuilder seen = new StringBuilder();
            while (rs.next()) {
                seen.append(rs.getString(1)).append(' ');
            }
            assertEquals("attribute inject resource resource-named ", seen.toString());
        }
    }

    @Test
    void aResourceTheContainerDoesNotOfferFailsTheDeploymentNamingTheField() throws Exception {
        TestApps bad = TestApps.app().sipXml("""
                <sip-app><app-name>db</app-name>
                  <servlet><servlet-name>bad</servlet-name><servlet-class>d.Bad</servlet-class></servlet>
                </sip-app>
                """).java("d.Bad", """
                package d;
                public class Bad extends jakarta.servlet.sip.SipServlet {
                    @jakarta.annotation.Resource(name = "jdbc/other") javax.sql.DataSource other;
                }
                """);
        sip = TestServer.builder().app("db", bad).routing(ROUTING).start(tmp);
        DeployProblem p = sip.server().deployer().failures().values().stream().findFirst()
                .orElseThrow(() -> new AssertionError("the deployment should fail"));
        assertTrue(p.reason().contains("d.Bad.other") && p.reason().contains("jdbc/other"), p.toString());
    }
}
