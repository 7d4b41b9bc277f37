package org.olelo.container.internal.trace;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The active filters as hash tables: users in any domain, addresses of record, Call-IDs. A
 * message costs at most five look-ups whatever the number of filters. Immutable snapshot, swapped
 * as a whole when a trace starts or stops; any thread.
 */
final class TraceMatcher {

    private final Map<String, TraceFilter> users = new HashMap<>();
    private final Map<String, TraceFilter> aors = new HashMap<>();
    private final Map<String, TraceFilter> calls = new HashMap<>();

    TraceMatcher(List<TraceFilter> filters) {
        for (TraceFilter f : filters) {
            if (f.kind() == TraceFilter.Kind.CALL) {
                calls.put(f.value(), f);
            } else if (f.value().indexOf('@') >= 0) {
                aors.put(f.value(), f);
            } else {
                users.put(f.value(), f);
            }
        }
    }

    /**
     * @param k a message's keys
     * @return the first filter the message matches, or null
     */
    TraceFilter match(MessageKeys k) {
        TraceFilter f = k.callId() == null ? null : calls.get(k.callId());
        if (f == null) {
            f = party(k.fromUser(), k.fromHost());
        }
        if (f == null) {
            f = party(k.toUser(), k.toHost());
        }
        return f;
    }

    private TraceFilter party(String user, String host) {
        if (user == null || user.isEmpty()) {
            return null;
        }
        TraceFilter f = users.get(user);
        if (f == null && host != null && !aors.isEmpty()) {
            f = aors.get(user + "@" + host);
        }
        return f;
    }
}
