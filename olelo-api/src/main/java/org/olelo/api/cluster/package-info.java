/**
 * State an application shares with its copies on the other nodes of an Olelo cluster.
 *
 * <pre>{@code
 * if (ctx.getAttribute(SharedMaps.ATTRIBUTE) instanceof SharedMaps maps) {
 *     SharedMap location = maps.map("location");
 *     location.put("sip:bob@example.com", encode(bindings));
 * }
 * }</pre>
 *
 * The attribute is present only when the server runs with {@code cluster.name} set.
 */
package org.olelo.api.cluster;
