package org.olelo.apps.lcr.route;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One row of {@code lcr_rule} with its targets from {@code lcr_rule_target}.
 *
 * @param id         the row's id
 * @param prefix     the number prefix; "" matches every number
 * @param fromUri    {@code from_uri} compiled, or null: must be found in the From URI
 * @param requestUri {@code request_uri} compiled, or null: must be found in the Request-URI
 * @param stopper    when the rule matches, rules with shorter prefixes are not looked at
 * @param enabled    a disabled rule is never looked at
 * @param targets    its gateways, in no particular order
 */
public record Rule(int id, String prefix, Pattern fromUri, Pattern requestUri, boolean stopper, boolean enabled,
                   List<Target> targets) {

    /** Copies the targets. */
    public Rule {
        prefix = prefix == null ? "" : prefix;
        targets = List.copyOf(targets);
    }

    /**
     * @param from       the From URI as text
     * @param requestUri the Request-URI as text
     * @return whether both regular expressions (those set) are found in their URI
     */
    boolean matches(String from, String requestUri) {
        return (fromUri == null || fromUri.matcher(from).find())
                && (this.requestUri == null || this.requestUri.matcher(requestUri).find());
    }

    /**
     * One row of {@code lcr_rule_target}.
     *
     * @param gateway  the gateway
     * @param priority lower is tried first
     * @param weight   among equal priorities, the chance of being tried first is proportional to it; 0 last
     */
    public record Target(Gateway gateway, int priority, int weight) {
    }
}
