package org.olelo.apps.b2bua;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of the B2BUA, published as the ServletContext attribute {@value #ATTRIBUTE}.
 *
 * <ul>
 *   <li>{@code calls}: initial INVITEs relayed to the callee side</li>
 *   <li>{@code answered}: calls that got a 2xx relayed to the caller</li>
 *   <li>{@code failed}: calls that got an error response relayed to the caller</li>
 *   <li>{@code cancelled}: calls the caller cancelled before an answer</li>
 *   <li>{@code in_dialog}: requests relayed inside established or early dialogs (re-INVITE,
 *       UPDATE, INFO, BYE, PRACK...)</li>
 * </ul>
 * Safe for concurrent use; counting never blocks.
 */
public final class B2buaStatistics {

    /** The ServletContext attribute under which the application publishes its statistics. */
    public static final String ATTRIBUTE = "org.olelo.apps.b2bua.statistics";

    final LongAdder calls = new LongAdder();
    final LongAdder answered = new LongAdder();
    final LongAdder failed = new LongAdder();
    final LongAdder cancelled = new LongAdder();
    final LongAdder inDialog = new LongAdder();

    /** @return every counter by name, in a stable order */
    public Map<String, Long> snapshot() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("calls", calls.sum());
        m.put("answered", answered.sum());
        m.put("failed", failed.sum());
        m.put("cancelled", cancelled.sum());
        m.put("in_dialog", inDialog.sum());
        return m;
    }
}
