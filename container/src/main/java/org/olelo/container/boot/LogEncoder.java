package org.olelo.container.boot;

import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import java.util.Locale;

/**
 * The encoder of Olelo's log lines, in the format the operator chose before start with the system
 * property {@code olelo.log.format} (else the environment variable {@code OLELO_LOG_FORMAT}):
 * {@code text} (the default), one line per event starting with the time in ISO 8601 with
 * milliseconds and UTC offset ({@link #PATTERN}); or {@code json}, one JSON object per line
 * (Logback's {@link JsonEncoder}: {@code timestamp} in epoch milliseconds, {@code level},
 * {@code threadName}, {@code loggerName}, {@code mdc}, {@code formattedMessage}, {@code throwable}).
 * An unknown format is reported on standard error and text is used.
 *
 * <p>Made and started by Logback while it reads {@code logback.xml} (and by {@link CallLogFile});
 * then used by the appender's thread.
 */
public final class LogEncoder extends EncoderBase<ILoggingEvent> {

    /** The layout of text lines. */
    public static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level %logger{0} - %msg%n";

    private Encoder<ILoggingEvent> delegate;

    /** @return {@code json} or {@code text}, as the operator asked */
    static String format() {
        String v = System.getProperty("olelo.log.format");
        if (v == null) {
            v = System.getenv("OLELO_LOG_FORMAT");
        }
        String f = v == null ? "text" : v.trim().toLowerCase(Locale.ROOT);
        if (!f.equals("text") && !f.equals("json")) {
            System.err.println("olelo: olelo.log.format (OLELO_LOG_FORMAT): expected text or json but found '" + v
                    + "'; text is used");
            return "text";
        }
        return f;
    }

    @Override
    public void start() {
        if (format().equals("json")) {
            JsonEncoder json = new JsonEncoder();
            json.setContext(getContext());
            json.setWithFormattedMessage(true); // the message as text lines show it
            json.setWithMessage(false);
            json.setWithArguments(false);
            json.setWithContext(false);
            json.setWithSequenceNumber(false);
            delegate = json;
        } else {
            PatternLayoutEncoder text = new PatternLayoutEncoder();
            text.setContext(getContext());
            text.setPattern(PATTERN);
            delegate = text;
        }
        delegate.start();
        super.start();
    }

    @Override
    public void stop() {
        if (delegate != null) {
            delegate.stop();
        }
        super.stop();
    }

    @Override
    public byte[] headerBytes() {
        return delegate.headerBytes();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        return delegate.encode(event);
    }

    @Override
    public byte[] footerBytes() {
        return delegate.footerBytes();
    }
}
