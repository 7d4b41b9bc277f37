package org.olelo.apps.media;

import java.util.function.Function;

/**
 * The application's settings, from its context parameters (sip.xml, or
 * {@code deploy/apps/media-relay.properties}):
 *
 * <table>
 * <caption>context parameters</caption>
 * <tr><th>name</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code rtpengine.instances}</td><td>{@code udp:127.0.0.1:2223}</td><td>comma-separated
 *     {@code udp:HOST:PORT[;weight=N]}</td></tr>
 * <tr><td>{@code rtpengine.flags}</td><td>(none)</td><td>options of every offer and answer, see
 *     {@link org.olelo.apps.media.ng.NgFlags}</td></tr>
 * <tr><td>{@code rtpengine.retransmit.millis}</td><td>500</td><td>wait before a command is sent again</td></tr>
 * <tr><td>{@code rtpengine.tries}</td><td>3</td><td>sends of a command before the instance counts as not answering</td></tr>
 * <tr><td>{@code rtpengine.disable.seconds}</td><td>60</td><td>how long an instance that did not answer gets no new calls</td></tr>
 * <tr><td>{@code rtpengine.required}</td><td>true</td><td>a call whose offer no instance takes is refused with
 *     503; false: it goes on with its own SDP (media not relayed)</td></tr>
 * </table>
 *
 * @param instances       the instance list as written
 * @param flags           the flags as written
 * @param retransmitMillis milliseconds before a command is sent again
 * @param tries           sends per command and instance
 * @param disableSeconds  seconds an instance without answer is left out of new calls
 * @param required        whether a call without relay is refused
 */
public record MediaConfig(String instances, String flags, int retransmitMillis, int tries, int disableSeconds,
        boolean required) {

    /** Reads and checks the parameters; a bad one throws naming it. */
    public static MediaConfig from(Function<String, String> param) {
        return new MediaConfig(
                text(param, "rtpengine.instances", "udp:127.0.0.1:2223"),
                text(param, "rtpengine.flags", ""),
                number(param, "rtpengine.retransmit.millis", 500, 10, 60_000),
                number(param, "rtpengine.tries", 3, 1, 20),
                number(param, "rtpengine.disable.seconds", 60, 0, 86_400),
                bool(param, "rtpengine.required", true));
    }

    private static String text(Function<String, String> param, String name, String fallback) {
        String v = param.apply(name);
        return v == null || v.isBlank() ? fallback : v.strip();
    }

    private static int number(Function<String, String> param, String name, int fallback, int min, int max) {
        String v = param.apply(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException(name + " must be a whole number from " + min + " to " + max + ", not '" + v + "'");
    }

    private static boolean bool(Function<String, String> param, String name, boolean fallback) {
        String v = param.apply(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        return switch (v.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false, not '" + v + "'");
        };
    }
}
