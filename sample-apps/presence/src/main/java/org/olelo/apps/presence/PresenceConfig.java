package org.olelo.apps.presence;

import org.olelo.apps.presence.service.Expiry;
import org.olelo.apps.presence.service.Policy;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The application's settings, read from its context-params (sip.xml, or
 * {@code deploy/apps/presence.properties}); a missing or blank value takes its default.
 *
 * @param publish          PUBLISH expiry: default 3600, minimum 60, maximum 7200 s
 * @param subscribe        SUBSCRIBE expiry: default 3600, minimum 60, maximum 86400 s
 * @param policy           watcher authorisation: allow (default), confirm, deny
 * @param domains          local domains; the container's local domains and listening hosts are added
 * @param maxPublications  publications per presentity (default 16)
 * @param maxSubscriptions subscriptions in force at once (default 100000)
 * @param cleanupInterval  seconds between expiry sweeps (default 5)
 */
public record PresenceConfig(Expiry publish, Expiry subscribe, Policy policy, List<String> domains, int maxPublications,
                             int maxSubscriptions, int cleanupInterval) {

    /** Freezes the domain list. */
    public PresenceConfig {
        domains = List.copyOf(domains);
    }

    /** @return every setting at its default */
    public static PresenceConfig defaults() {
        return new PresenceConfig(new Expiry(3600, 60, 7200), new Expiry(3600, 60, 86400), Policy.ALLOW,
                List.of("localhost", "127.0.0.1"), 16, 100_000, 5);
    }

    /**
     * @param params returns a context-param's value, or null
     * @return the settings
     * @throws IllegalArgumentException naming the context-param and what was expected
     */
    public static PresenceConfig from(Function<String, String> params) {
        PresenceConfig d = defaults();
        try {
            Expiry pub = new Expiry(
                    num(params, "publish.default.expires", d.publish().dflt()),
                    num(params, "publish.min.expires", d.publish().min()),
                    num(params, "publish.max.expires", d.publish().max()));
            Expiry sub = new Expiry(
                    num(params, "subscribe.default.expires", d.subscribe().dflt()),
                    num(params, "subscribe.min.expires", d.subscribe().min()),
                    num(params, "subscribe.max.expires", d.subscribe().max()));
            String policy = params.apply("policy");
            String domains = params.apply("domains");
            return new PresenceConfig(pub, sub,
                    policy == null || policy.isBlank() ? d.policy() : Policy.parse(policy),
                    domains == null || domains.isBlank() ? d.domains()
                            : Arrays.stream(domains.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList(),
                    (int) num(params, "max.publications", d.maxPublications()),
                    (int) num(params, "max.subscriptions", d.maxSubscriptions()),
                    (int) num(params, "cleanup.interval", d.cleanupInterval()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("presence context-params: " + e.getMessage(), e);
        }
    }

    private static long num(Function<String, String> params, String key, long dflt) {
        String raw = params.apply(key);
        if (raw == null || raw.isBlank()) {
            return dflt;
        }
        try {
            long v = Long.parseLong(raw.trim());
            if (v < 0 || v > Integer.MAX_VALUE) {
                throw new NumberFormatException();
            }
            if (v == 0 && !key.endsWith("min.expires")) {
                throw new IllegalArgumentException(key + ": expected at least 1 but found 0");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": expected a whole number from 0 to " + Integer.MAX_VALUE
                    + " but found '" + raw + "'");
        }
    }
}
