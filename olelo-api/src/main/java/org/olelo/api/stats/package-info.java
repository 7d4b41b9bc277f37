/**
 * Statistics: counters, gauges and timers with a group, a name, a one-line help and optional
 * labels. The core, the container and applications register theirs in one place; the
 * {@code stats.*} management commands read them and the metrics endpoint exports them in
 * Prometheus text format as {@code olelo_<group>_<name>} (counters with the suffix
 * {@code _total}).
 *
 * <pre>{@code
 * Statistics stats = (Statistics) ctx.getAttribute(Statistics.ATTRIBUTE);
 * Counter attempts = stats.counter("lcr", "gateway_attempts", "calls sent to a gateway", "gateway", "gw1");
 * attempts.increment();
 * stats.gauge("lcr", "gateways_defunct", "gateways marked defunct now", () -> defunct.size());
 * }</pre>
 *
 * Names and label names are lower case letters, digits and {@code _}; label values are free text
 * but should come from a small set (a method, a gateway), never from what a caller sends freely
 * (a Call-ID, a user). Registering the same group, name and labels twice gives the same meter.
 * Meters are cheap enough for the message path: an increment is an atomic add.
 */
package org.olelo.api.stats;
