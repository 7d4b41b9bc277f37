package org.olelo.apps.media.ng;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options added to every {@code offer} and {@code answer}, written as Kamailio's rtpengine
 * module writes them, separated by spaces: {@code replace-origin} and other {@code replace-X} go to
 * the {@code replace} list; {@code direction=X} (twice, in order) to the {@code direction} list;
 * {@code RTP/AVP}, {@code RTP/SAVP}, {@code RTP/AVPF}, {@code RTP/SAVPF} to
 * {@code transport-protocol}; {@code KEY=VALUE} to the dictionary entry {@code KEY} (e.g.
 * {@code ICE=remove}, {@code DTLS=off}); any other word to the {@code flags} list (e.g.
 * {@code trust-address}, {@code symmetric}, {@code asymmetric}, {@code record-call}). Immutable.
 */
public final class NgFlags {

    private static final Set<String> PROTOCOLS = Set.of("RTP/AVP", "RTP/SAVP", "RTP/AVPF", "RTP/SAVPF",
            "UDP/TLS/RTP/SAVP", "UDP/TLS/RTP/SAVPF");
    /** Keys the application sets itself: a flag may not replace them. */
    private static final Set<String> RESERVED = Set.of("command", "call-id", "from-tag", "to-tag", "sdp", "via-branch");

    private final Map<String, Object> entries;

    private NgFlags(Map<String, Object> entries) {
        this.entries = entries;
    }

    /**
     * Parses the flags.
     *
     * @throws IllegalArgumentException for a word that would set a key the application sets itself
     */
    public static NgFlags parse(String spec) {
        List<String> flags = new ArrayList<>();
        List<String> replace = new ArrayList<>();
        List<String> direction = new ArrayList<>();
        Map<String, Object> out = new LinkedHashMap<>();
        for (String word : spec.strip().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            int eq = word.indexOf('=');
            if (word.startsWith("replace-") && word.length() > 8) {
                replace.add(word.substring(8));
            } else if (PROTOCOLS.contains(word)) {
                out.put("transport-protocol", word);
            } else if (eq > 0 && eq < word.length() - 1) {
                String key = word.substring(0, eq);
                if (RESERVED.contains(key.toLowerCase(java.util.Locale.ROOT))) {
                    throw new IllegalArgumentException("rtpengine flag '" + word + "' sets a key the application sets itself");
                }
                if (key.equals("direction")) {
                    direction.add(word.substring(eq + 1));
                } else {
                    out.put(key, word.substring(eq + 1));
                }
            } else if (eq < 0) {
                flags.add(word);
            } else {
                throw new IllegalArgumentException("rtpengine flag '" + word + "' has no key or no value");
            }
        }
        if (!flags.isEmpty()) {
            out.put("flags", List.copyOf(flags));
        }
        if (!replace.isEmpty()) {
            out.put("replace", List.copyOf(replace));
        }
        if (!direction.isEmpty()) {
            out.put("direction", List.copyOf(direction));
        }
        return new NgFlags(java.util.Collections.unmodifiableMap(out));
    }

    /** The dictionary entries the flags add to a command. */
    public Map<String, Object> entries() {
        return entries;
    }
}
