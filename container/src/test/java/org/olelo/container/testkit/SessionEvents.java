package org.olelo.container.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.Callable;

/**
 * What a test application's SIP session listener records, read back over SIP: the listener (source
 * given by {@link #listener}) appends {@code ready <call-id>} and {@code destroyed <call-id>} to a
 * static list of the application, which the application returns in an {@code X-Events} header
 * ({@code event call-id} entries joined by commas); {@link #of} keeps one dialog's.
 */
public final class SessionEvents {

    private SessionEvents() {
    }

    /**
     * The source of {@code t.ReadyListener}, which records into {@code <holder>.EVENTS} (a static
     * {@code List<String>} of the application's class {@code t.<holder>}).
     */
    public static String listener(String holder) {
        return """
                package t;
                import jakarta.servlet.sip.*;
                public class ReadyListener implements SipSessionListener {
                    public void sessionCreated(SipSessionEvent e) {
                    }
                    public void sessionReadyToInvalidate(SipSessionEvent e) {
                        %1$s.EVENTS.add("ready " + e.getSession().getCallId());
                    }
                    public void sessionDestroyed(SipSessionEvent e) {
                        %1$s.EVENTS.add("destroyed " + e.getSession().getCallId());
                    }
                }
                """.formatted(holder);
    }

    /** The events of the dialog {@code callId} in an {@code X-Events} value (null: none), in order, joined by commas. */
    public static String of(String xEvents, String callId) {
        StringBuilder mine = new StringBuilder();
        for (String e : xEvents == null ? new String[0] : xEvents.split(",")) {
            if (e.endsWith(" " + callId)) {
                mine.append(mine.isEmpty() ? "" : ",").append(e, 0, e.indexOf(' '));
            }
        }
        return mine.toString();
    }

    /** Reads the events until they are {@code expected}; fails when they are not within 5 s. */
    public static void await(Callable<String> events, String expected) throws Exception {
        String seen = events.call();
        for (int i = 0; i < 50 && !seen.equals(expected); i++) {
            Thread.sleep(100);
            seen = events.call();
        }
        assertEquals(expected, seen);
    }
}
