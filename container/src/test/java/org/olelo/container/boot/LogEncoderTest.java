package org.olelo.container.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The log line formats: text lines start with the time in ISO 8601 with milliseconds and offset;
 * {@code olelo.log.format=json} gives one JSON object per line with the formatted message.
 */
class LogEncoderTest {

    private final LoggerContext ctx = (LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();

    @AfterEach
    void clear() {
        System.clearProperty("olelo.log.format");
    }

    private String encode(String message, Object... args) {
        LogEncoder e = new LogEncoder();
        e.setContext(ctx);
        e.start();
        Logger logger = ctx.getLogger("olelo.calls");
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.INFO, message, null, args);
        return new String(e.encode(event), StandardCharsets.UTF_8);
    }

    @Test
    void textLinesCarryTheDateWithMillisecondsAndOffset() {
        String line = encode("method={} status={}", "INVITE", 200);
        String time = line.substring(0, line.indexOf(' '));
        assertTrue(time.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d)"), line);
        OffsetDateTime.parse(time); // ISO 8601
        assertEquals(" INFO  calls - method=INVITE status=200" + System.lineSeparator(), line.substring(time.length()));
    }

    @Test
    void jsonIsChosenBeforeStart() {
        System.setProperty("olelo.log.format", "JSON");
        String line = encode("method={} status={}", "INVITE", 200);
        assertTrue(line.startsWith("{") && line.trim().endsWith("}"), line);
        assertTrue(line.contains("\"level\":\"INFO\""), line);
        assertTrue(line.contains("\"loggerName\":\"olelo.calls\""), line);
        assertTrue(line.contains("\"formattedMessage\":\"method=INVITE status=200\""), line);
        assertTrue(line.contains("\"timestamp\":"), line);
        assertEquals(1, line.trim().lines().count());
    }

    @Test
    void anUnknownFormatFallsBackToText() {
        System.setProperty("olelo.log.format", "xml");
        assertTrue(encode("hello").endsWith(" INFO  calls - hello" + System.lineSeparator()));
    }
}
