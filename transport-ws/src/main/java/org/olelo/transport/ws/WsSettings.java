package org.olelo.transport.ws;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.olelo.core.spi.TransportContext;

/**
 * The settings of the WebSocket listening points, from the {@code ws.*} keys. Immutable.
 *
 * @param path    the only request path upgraded ({@code ws.path}, e.g. {@code /sip}), or null for
 *                any path
 * @param origins the {@code Origin} values accepted ({@code ws.origins}, each
 *                {@code scheme://host[:port]} in lower case), empty for any origin (and for a
 *                handshake without one)
 */
record WsSettings(String path, Set<String> origins) {

    /** The key restricting the upgrade to one path. */
    static final String PATH = "ws.path";
    /** The key listing the accepted origins. */
    static final String ORIGINS = "ws.origins";

    WsSettings {
        origins = Set.copyOf(origins);
    }

    /**
     * Reads and checks the keys.
     *
     * @throws IOException naming the key whose value is wrong
     */
    static WsSettings from(TransportContext context) throws IOException {
        String path = context.setting(PATH).map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
        if (path != null && (!path.startsWith("/") || path.chars().anyMatch(c -> c <= ' ' || c == '?' || c == '#'))) {
            throw new IOException(PATH + "=" + path + ": expected a path such as /sip (starts with /, no spaces, no ?)");
        }
        Set<String> origins = new LinkedHashSet<>();
        for (String o : context.setting(ORIGINS).orElse("").split(",")) {
            String s = o.strip();
            if (!s.isEmpty()) {
                origins.add(origin(s));
            }
        }
        return new WsSettings(path, origins);
    }

    /** An origin as browsers send it: scheme, host and port (when given), lower case, no path. */
    private static String origin(String text) throws IOException {
        try {
            URI u = new URI(text);
            boolean bare = u.getRawPath() == null || u.getRawPath().isEmpty() || u.getRawPath().equals("/");
            if (u.getScheme() == null || u.getHost() == null || !bare || u.getRawQuery() != null || u.getUserInfo() != null) {
                throw new URISyntaxException(text, "not scheme://host[:port]");
            }
            return (u.getScheme() + "://" + u.getHost() + (u.getPort() >= 0 ? ":" + u.getPort() : "")).toLowerCase(Locale.ROOT);
        } catch (URISyntaxException e) {
            throw new IOException(ORIGINS + ": '" + text + "' is no origin; expected e.g. https://phone.example.com,"
                    + " comma-separated");
        }
    }

    /** Whether a handshake with this {@code Origin} header (null when absent) may upgrade. */
    boolean originAllowed(String origin) {
        return origins.isEmpty() || origin != null && origins.contains(origin.strip().toLowerCase(Locale.ROOT));
    }

    /** Whether a handshake for this request target (path and query) may upgrade. */
    boolean pathAllowed(String target) {
        if (path == null) {
            return true;
        }
        int q = target.indexOf('?');
        return (q < 0 ? target : target.substring(0, q)).equals(path);
    }
}
