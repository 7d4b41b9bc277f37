package org.olelo.container.boot;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/**
 * Collects what the server logs at a level and above (WARN unless told) while it is open, as the
 * operator reads it:
 * {@code LEVEL message}, plus the exception class when one is attached (a stack trace would be
 * printed). Any thread may log; the test thread reads.
 */
public final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Level least;

    /** Captures WARN and above. */
    public LogCapture() {
        this(Level.WARN);
    }

    /** @param least the lowest level captured (a logger set higher still filters it out) */
    public LogCapture(Level least) {
        this.least = least;
        setContext(root.getLoggerContext());
        setName("test-capture");
        start();
        root.addAppender(this);
    }

    @Override
    protected void append(ILoggingEvent e) {
        if (e.getLevel().isGreaterOrEqual(least)) {
            lines.add(e.getLevel() + " " + e.getFormattedMessage()
                    + (e.getThrowableProxy() == null ? "" : " [stack trace of " + e.getThrowableProxy().getClassName() + "]"));
        }
    }

    /** @return the lines so far that contain {@code text} */
    public List<String> containing(String text) {
        return lines.stream().filter(l -> l.contains(text)).toList();
    }

    /** @return every line so far */
    public List<String> all() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        root.detachAppender(this);
        stop();
    }
}
