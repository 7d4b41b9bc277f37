package org.olelo.container.internal.router;

import jakarta.servlet.sip.SipServletRequest;
import java.util.List;
import java.util.Set;

/**
 * The DEBUG line that says why the router chose a tuple for a request, or why it chose none:
 * for each tuple tried, its line and application, and whether it was skipped because the
 * application is not deployed or because a condition failed (the first failing one is named).
 * Built only when DEBUG is on: it tests the conditions a second time. Stateless; any thread.
 */
final class RoutingExplanation {

    private RoutingExplanation() {
    }

    /**
     * @param request the initial request
     * @param key     the routing-file line the tuples come from ({@code INVITE}, {@code ALL}), or null
     * @param tuples  the tuples of that line
     * @param from    the first tuple tried (after the one a previous application got)
     * @param chosen  the tuple chosen, or -1
     * @param apps    the deployed applications
     * @return one line
     */
    static String of(SipServletRequest request, String key, List<RouteTuple> tuples, int from, int chosen,
                     Set<String> apps) {
        StringBuilder b = new StringBuilder("routing ").append(request.getMethod()).append(' ')
                .append(request.getRequestURI()).append(" (call-id ").append(request.getCallId()).append("): ");
        if (key == null) {
            return b.append("no line for ").append(request.getMethod()).append(" and no ALL line: no application").toString();
        }
        if (chosen >= 0) {
            RouteTuple t = tuples.get(chosen);
            b.append("tuple ").append(chosen + 1).append(" of ").append(key).append(" (line ").append(t.line())
                    .append(") chosen: ").append(t.routesOut() ? "route " + t.route() + " " + t.modifier()
                            : "application " + t.application() + " " + t.region().getType());
        } else {
            b.append("no tuple of ").append(key).append(" applies");
        }
        int end = chosen >= 0 ? chosen : tuples.size();
        for (int i = from; i < end; i++) {
            RouteTuple t = tuples.get(i);
            b.append("; tuple ").append(i + 1).append(" (").append(t.application()).append(", line ").append(t.line())
                    .append(") skipped: ").append(why(t, request, apps));
        }
        if (from > 0) {
            b.append("; the chain went on after tuple ").append(from);
        }
        return b.toString();
    }

    private static String why(RouteTuple t, SipServletRequest request, Set<String> apps) {
        if (!t.routesOut() && !apps.contains(t.application())) {
            return "not deployed";
        }
        for (Condition c : t.conditions()) {
            if (!c.test(request)) {
                return "condition " + c + " does not hold";
            }
        }
        return "no reason found";
    }
}
