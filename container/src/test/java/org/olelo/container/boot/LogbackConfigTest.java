package org.olelo.container.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The logging configuration shipped in olelo.jar ({@code logback.xml}), loaded as the server loads
 * it: text lines dated in ISO 8601 with milliseconds and offset, and the libraries kept at WARN
 * when Olelo's own level is DEBUG unless their own level is asked for.
 */
class LogbackConfigTest {

    private static final List<String> LIBRARIES = List.of("org.jboss.weld.Bootstrap", "org.jboss.logging",
            "com.zaxxer.hikari.HikariDataSource", "org.flywaydb.core.Flyway", "gov.nist.javax.sip", "org.h2.jdbc");
    private final PrintStream console = System.out;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @AfterEach
    void restore() {
        System.setOut(console);
        System.clearProperty("olelo.log.level");
        System.clearProperty("olelo.log.libraries");
    }

    private LoggerContext load() throws Exception {
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        LoggerContext ctx = new LoggerContext();
        ctx.setMDCAdapter(new LogbackMDCAdapter());
        JoranConfigurator j = new JoranConfigurator();
        j.setContext(ctx);
        URL xml = LogbackConfigTest.class.getClassLoader().getResource("logback.xml");
        j.doConfigure(xml);
        return ctx;
    }

    @Test
    void debugIsForOleloAndTheLibrariesStayQuiet() throws Exception {
        System.setProperty("olelo.log.level", "DEBUG");
        LoggerContext ctx = load();
        assertEquals(Level.DEBUG, ctx.getLogger("org.olelo.container.boot.OleloServer").getEffectiveLevel());
        assertEquals(Level.DEBUG, ctx.getLogger("olelo.calls").getEffectiveLevel());
        assertEquals(Level.DEBUG, ctx.getLogger("registrar").getEffectiveLevel(), "applications follow olelo.log.level");
        for (String l : LIBRARIES) {
            assertEquals(Level.WARN, ctx.getLogger(l).getEffectiveLevel(), l);
        }
        ctx.getLogger("olelo.calls").info("method=OPTIONS status=200");
        ctx.stop();
        String line = out.toString(StandardCharsets.UTF_8);
        assertTrue(line.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d) INFO  calls"
                + " - method=OPTIONS status=200\\R"), line);
    }

    @Test
    void theLibrariesHaveTheirOwnLevel() throws Exception {
        System.setProperty("olelo.log.libraries", "DEBUG");
        LoggerContext ctx = load();
        assertEquals(Level.INFO, ctx.getLogger("org.olelo").getEffectiveLevel());
        for (String l : LIBRARIES) {
            assertEquals(Level.DEBUG, ctx.getLogger(l).getEffectiveLevel(), l);
        }
        ctx.stop();
    }
}
