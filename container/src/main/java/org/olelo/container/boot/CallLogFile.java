package org.olelo.container.boot;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import org.olelo.container.internal.log.CallLog;
import org.slf4j.LoggerFactory;

/**
 * Sends the call log to a file of its own when the operator asks for it before start with the
 * system property {@code olelo.log.calls.file} (else the environment variable
 * {@code OLELO_LOG_CALLS_FILE}): the lines of the logger {@value CallLog#LOGGER} are appended to
 * that file, in the chosen log format ({@link LogEncoder}), and no longer go to the console.
 *
 * <p>Called once, on the main thread, before the server starts.
 */
final class CallLogFile {

    private CallLogFile() {
    }

    /**
     * Attaches the file when one is asked for and Logback is the logging back end.
     *
     * @return the file, or null when none is used
     */
    static String attachIfAsked() {
        String file = System.getProperty("olelo.log.calls.file");
        if (file == null) {
            file = System.getenv("OLELO_LOG_CALLS_FILE");
        }
        if (file == null || file.isBlank() || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) {
            return null;
        }
        LogEncoder encoder = new LogEncoder();
        encoder.setContext(ctx);
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(ctx);
        appender.setName("CALLS_FILE");
        appender.setFile(file.trim());
        appender.setAppend(true);
        appender.setEncoder(encoder);
        appender.start();
        Logger calls = ctx.getLogger(CallLog.LOGGER);
        calls.addAppender(appender);
        calls.setAdditive(false);
        return file.trim();
    }
}
