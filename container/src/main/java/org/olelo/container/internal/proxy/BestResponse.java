package org.olelo.container.internal.proxy;

import gov.nist.javax.sip.message.SIPResponse;
import java.util.List;

/**
 * RFC 3261 §16.7 step 6: which final response a forking proxy sends upstream when no branch
 * succeeded. A 6xx wins; otherwise the lowest class; within 4xx, specific answers (486, 404, 403,
 * 401/407...) beat the generic timeouts and cancellations (408, 480, 487) so a caller learns the
 * most useful reason.
 */
final class BestResponse {

    private BestResponse() {
    }

    /** The best of the branches' final responses, or null if there is none. */
    static SIPResponse choose(List<SIPResponse> finals) {
        SIPResponse best = null;
        for (SIPResponse r : finals) {
            if (best == null || rank(r.getStatusCode()) < rank(best.getStatusCode())) {
                best = r;
            }
        }
        return best;
    }

    /** Lower is better. */
    static int rank(int status) {
        if (status >= 600) {
            return 0;
        }
        if (status < 300) {
            return 1;
        }
        int base = (status / 100) * 1000;
        int penalty = switch (status) {
            case 408, 480, 487, 503 -> 500;
            default -> 0;
        };
        return base + penalty + status % 100;
    }
}
