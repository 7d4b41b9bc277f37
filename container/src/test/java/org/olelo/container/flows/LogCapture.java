package org.olelo.container.flows;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Collects what one logger (and its children) writes while a test runs, at a level the test
 * chooses, and puts the logger back as it was on close. Thread-safe reads.
 */
final class LogCapture implements AutoCloseable {

    private final Logger logger;
    private final Level before;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    /**
     * @param name  the logger name
     * @param level the level to capture at
     */
    LogCapture(String name, Level level) {
        logger = (Logger) LoggerFactory.getLogger(name);
        before = logger.getLevel();
        logger.setLevel(level);
        appender.setContext(logger.getLoggerContext());
        appender.start();
        logger.addAppender(appender);
    }

    /** @return the formatted messages so far, in order */
    List<String> messages() {
        synchronized (appender) { // AppenderBase appends under the appender's monitor
            return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    /** @return the events so far, in order */
    List<ILoggingEvent> events() {
        synchronized (appender) { // AppenderBase appends under the appender's monitor
            return List.copyOf(appender.list);
        }
    }

    /** Waits up to the timeout until some message contains the text; returns the messages that do. */
    List<String> await(String text, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (true) {
            List<String> hits = messages().stream().filter(m -> m.contains(text)).toList();
            if (!hits.isEmpty() || System.currentTimeMillis() > deadline) {
                return hits;
            }
            Thread.sleep(10);
        }
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(before);
    }
}
