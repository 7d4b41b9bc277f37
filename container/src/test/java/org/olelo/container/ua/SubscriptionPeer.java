package org.olelo.container.ua;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipPeer;
import org.olelo.core.testkit.SipText;

/**
 * A test peer's messages taken by kind rather than by arrival order: over UDP a NOTIFY may overtake
 * the 2xx to its SUBSCRIBE. Requests the server repeats (same Via branch) are passed over once the
 * first copy was taken, and requests taken through {@link #answer} get their response at once.
 */
final class SubscriptionPeer {

    private final SipPeer peer;
    private final List<String> backlog = new ArrayList<>();
    private final Set<String> taken = new HashSet<>();

    SubscriptionPeer(SipPeer peer) {
        this.peer = peer;
    }

    SipPeer peer() {
        return peer;
    }

    /** The next final response whose CSeq method is {@code method}; fails after 5 s. */
    String response(String method) throws Exception {
        return take(m -> SipText.status(m) >= 200 && SipText.header(m, "CSeq").endsWith(" " + method),
                "a final response to " + method);
    }

    /** The next request of {@code method}, first copy only; fails after 5 s. */
    String request(String method) throws Exception {
        return take(m -> SipText.status(m) < 0 && method.equals(SipText.method(m)) && taken.add(branch(m)),
                "a " + method);
    }

    /** Takes the next request of {@code method} and answers it with {@code status}. */
    String answer(String method, int status) throws Exception {
        String r = request(method);
        peer.send(SipBuilder.response(r, status, status == 200 ? "OK" : "Error").contact("peer", peer));
        return r;
    }

    /** True when no request of {@code method} (other than a repeat) comes within {@code millis}. */
    boolean quiet(String method, long millis) throws Exception {
        return poll(m -> SipText.status(m) < 0 && method.equals(SipText.method(m)) && !taken.contains(branch(m)),
                millis) == null;
    }

    private String take(Predicate<String> wanted, String what) throws Exception {
        String m = poll(wanted, 5000);
        assertNotNull(m, "expected " + what + " within 5 s; other messages: " + backlog);
        return m;
    }

    private String poll(Predicate<String> wanted, long millis) throws Exception {
        for (Iterator<String> it = backlog.iterator(); it.hasNext(); ) {
            String m = it.next();
            if (wanted.test(m)) {
                it.remove();
                return m;
            }
        }
        long deadline = System.currentTimeMillis() + millis;
        long left;
        while ((left = deadline - System.currentTimeMillis()) > 0) {
            String m = peer.receive(left);
            if (m == null) {
                return null;
            }
            if (SipText.status(m) == 100) {
                continue;
            }
            if (wanted.test(m)) {
                return m;
            }
            if (SipText.status(m) >= 0 || !taken.contains(branch(m))) {
                backlog.add(m);
            }
        }
        return null;
    }

    private static String branch(String request) {
        String via = SipText.headers(request, "Via").get(0);
        int b = via.indexOf("branch=");
        int end = via.indexOf(';', b);
        return end < 0 ? via.substring(b) : via.substring(b, end);
    }
}
