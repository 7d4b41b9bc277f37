package org.olelo.container.internal.stats;

/**
 * What a statistics command names: {@code all} (or nothing), a group ({@code sip}), or one
 * statistic ({@code sip.requests_received}, every label set of it). Immutable.
 *
 * @param group the group, or null for all
 * @param name  the name within the group, or null for the whole group
 */
record StatSelector(String group, String name) {

    /**
     * @param text the selector as given; null or empty means all
     * @throws IllegalArgumentException when it is neither {@code all}, a group nor {@code group.name}
     */
    static StatSelector parse(String text) {
        if (text == null || text.isBlank() || text.equals("all")) {
            return new StatSelector(null, null);
        }
        int dot = text.indexOf('.');
        String group = dot < 0 ? text : text.substring(0, dot);
        String name = dot < 0 ? null : text.substring(dot + 1);
        if (!MeterKey.WORD.matcher(group).matches() || (name != null && !MeterKey.WORD.matcher(name).matches())) {
            throw new IllegalArgumentException("expected all, a group (sip) or group.name (sip.requests_received)");
        }
        return new StatSelector(group, name);
    }

    /** Whether the selector names this meter. */
    boolean matches(MeterKey key) {
        return (group == null || group.equals(key.group())) && (name == null || name.equals(key.name()));
    }
}
